<#import "template.ftl" as layout>
<#-- e-CPS, step 1: the national identifier (RPPS/ADELI prefixed, or structure staff), which the browser may remember. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section="header">
        ${msg("pscEcpsTitle")}
    <#elseif section="form">
        <#if pscEcpsError??>
            <div id="psc-ecps-error" class="${properties.kcAlertClass!} pf-m-danger" role="alert" data-reason="${pscEcpsError}">
                ${msg("pscEcps." + pscEcpsError)}
            </div>
        </#if>
        <form id="psc-ecps-identifier" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <input type="hidden" name="ecps_step" value="identify"/>
            <div class="${properties.kcFormGroupClass!}">
                <label for="id_nat" class="${properties.kcLabelClass!}">${msg("pscEcpsIdNatLabel")}</label>
                <input id="id_nat" name="id_nat" type="text" class="${properties.kcInputClass!}" autocomplete="username"
                       inputmode="text" maxlength="40" autofocus value="${(pscEcpsIdNat!'')}"/>
                <p class="psc-login-hint">${msg("pscEcpsIdNatHint")}</p>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <label><input id="remember" name="remember" type="checkbox" <#if (pscEcpsRemembered!false)>checked</#if>/>
                    ${msg("pscEcpsRemember")}</label>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <button id="psc-ecps-send" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                        type="submit">${msg("pscEcpsSend")}</button>
            </div>
        </form>
        <form id="psc-ecps-other" action="${url.loginAction}" method="post">
            <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit"
                    name="method" value="choose">${msg("pscCardOtherMeans")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
