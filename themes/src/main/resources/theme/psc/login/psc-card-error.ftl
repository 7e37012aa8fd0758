<#import "template.ftl" as layout>
<#import "psc-card-checks.ftl" as cardChecks>
<#-- A refused card login: what happened, what to check, and a retry. Never more detail than the professional needs. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section="header">
        ${msg("pscCardErrorTitle")}
    <#elseif section="form">
        <div id="psc-card-error" class="psc-alert psc-alert-error" role="alert" data-reason="${pscCardReason!''}">
            ${msg("pscCard." + (pscCardReason!'unknown'))}
        </div>
        <#if (pscCardReason!'') == "no_certificate" || (pscCardReason!'') == "unreadable_certificate">
            <p>${msg("pscCardCheckIntro")}</p>
            <@cardChecks.list/>
        </#if>
        <form id="psc-card-retry" class="psc-form" action="${url.loginAction}" method="post">
            <button id="psc-card-retry-button" class="psc-button psc-button-primary" type="submit" name="method"
                    value="card">${msg("pscCardRetry")}</button>
            <button id="psc-card-other" class="psc-button psc-button-secondary" type="submit" name="method"
                    value="choose">${msg("pscCardOtherMeans")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
