<#import "template.ftl" as layout>
<#-- A refused card login: what happened, what to check, and a retry. Never more detail than the professional needs. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section="header">
        ${msg("pscCardErrorTitle")}
    <#elseif section="form">
        <div id="psc-card-error" class="${properties.kcAlertClass!} pf-m-danger" role="alert" data-reason="${pscCardReason!''}">
            ${msg("pscCard." + (pscCardReason!'unknown'))}
        </div>
        <#if (pscCardReason!'') == "no_certificate" || (pscCardReason!'') == "unreadable_certificate">
            <p>${msg("pscCardCheckIntro")}</p>
            <ul id="psc-card-checks">
                <li>${msg("pscCardCheckReader")}</li>
                <li>${msg("pscCardCheckCard")}</li>
                <li>${msg("pscCardCheckSoftware")}</li>
                <li>${msg("pscCardCheckBrowser")}</li>
            </ul>
        </#if>
        <form id="psc-card-retry" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <button id="psc-card-retry-button" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                        type="submit" name="method" value="card">${msg("pscCardRetry")}</button>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <button id="psc-card-other" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                        type="submit" name="method" value="choose">${msg("pscCardOtherMeans")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
