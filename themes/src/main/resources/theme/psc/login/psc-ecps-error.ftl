<#import "template.ftl" as layout>
<#-- e-CPS refused or ended: why, in words a professional understands, and a retry. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section="header">
        ${msg("pscEcpsErrorTitle")}
    <#elseif section="form">
        <div id="psc-ecps-error" class="${properties.kcAlertClass!} pf-m-danger" role="alert" data-reason="${pscEcpsReason!''}">
            ${msg("pscEcps." + (pscEcpsReason!'unknown'))}
        </div>
        <form id="psc-ecps-retry" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <button id="psc-ecps-retry-button" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                        type="submit" name="ecps_step" value="retry">${msg("pscEcpsRetry")}</button>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <button id="psc-ecps-other-means" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                        type="submit" name="method" value="choose">${msg("pscCardOtherMeans")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
