<#import "template.ftl" as layout>
<#-- PSC's login page: a choice between the CPS card and the e-CPS app. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section="header">
        ${msg("pscLoginTitle")}
    <#elseif section="form">
        <form id="psc-login-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p class="psc-login-intro">${msg("pscLoginIntro")}</p>
            <div class="${properties.kcFormGroupClass!}">
                <button id="psc-login-card" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                        type="submit" name="method" value="card">${msg("pscLoginCard")}</button>
                <p class="psc-login-hint">${msg("pscLoginCardHint")}</p>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <button id="psc-login-ecps" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                        type="submit" name="method" value="ecps">${msg("pscLoginEcps")}</button>
                <p class="psc-login-hint">${msg("pscLoginEcpsHint")}</p>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
