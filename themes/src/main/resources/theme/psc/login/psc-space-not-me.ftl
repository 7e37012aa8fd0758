<#import "template.ftl" as layout>
<#-- "Ce n'était pas moi" done: what was done, and what the professional should do next. -->
<@layout.registrationLayout bodyClass="psc-space" displayMessage=false; section>
    <#if section="header">
        ${msg("pscSpaceNotMeTitle")}
    <#elseif section="form">
        <div id="psc-space-not-me" class="psc-alert psc-alert-success" role="status">
            <p>${msg("pscSpaceNotMeDone", pscSpaceReportedWhen, pscSpaceReportedService, pscSpaceReportedAddress)}</p>
            <#if pscSpaceReportedDevice?has_content>
                <p id="psc-space-not-me-device">${msg("pscSpaceNotMeDeviceRevoked", pscSpaceReportedDevice)}</p>
            </#if>
            <p>${msg("pscSpaceNotMeSessionsEnded")}</p>
        </div>
        <h2 class="psc-section-title">${msg("pscSpaceNextTitle")}</h2>
        <ol class="psc-checks" id="psc-space-next">
            <#if pscSpaceReportedMeans == "CPS">
                <li>${msg("pscSpaceNextCard", pscSpaceReportedCard)}</li>
            <#else>
                <li>${msg("pscSpaceNextEcpsPin")}</li>
                <li>${msg("pscSpaceNextEcpsReactivate")}</li>
            </#if>
            <#if !pscSpaceReportedAtSpace>
                <li>${msg("pscSpaceNextService", pscSpaceReportedService)}</li>
            </#if>
            <li>${msg("pscSpaceNextSupport", pscSpaceReference)}</li>
        </ol>
        <p><a id="psc-space-link" class="psc-button psc-button-primary" href="${pscSpaceLoginUrl}">${msg("pscSpaceLoginAgain")}</a></p>
    </#if>
</@layout.registrationLayout>
