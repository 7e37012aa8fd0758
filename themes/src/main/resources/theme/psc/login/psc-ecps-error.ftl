<#import "template.ftl" as layout>
<#-- e-CPS refused or ended: why, in words a professional understands, and a new request. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section="header">
        ${msg("pscEcpsErrorTitle")}
    <#elseif section="form">
        <div id="psc-ecps-error" class="psc-alert psc-alert-error" role="alert" data-reason="${pscEcpsReason!''}">
            ${msg("pscEcps." + (pscEcpsReason!'unknown'))}
        </div>
        <form id="psc-ecps-retry" class="psc-form" action="${url.loginAction}" method="post">
            <button id="psc-ecps-retry-button" class="psc-button psc-button-primary" type="submit" name="ecps_step"
                    value="retry">${msg("pscEcpsRetry")}</button>
            <button id="psc-ecps-other-means" class="psc-button psc-button-secondary" type="submit" name="method"
                    value="choose">${msg("pscCardOtherMeans")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
