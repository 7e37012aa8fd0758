<#import "template.ftl" as layout>
<#-- A delegated login (an establishment's identity provider) or a pairing refused: why, in words a professional
     understands, and how to log in otherwise. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section="header">
        ${msg("pscEstablishmentErrorTitle")}
    <#elseif section="form">
        <div id="psc-establishment-error" class="psc-alert psc-alert-error" role="alert"
             data-reason="${pscEstablishmentReason!'not_establishment'}">
            ${msg("pscEstablishment." + (pscEstablishmentReason!'not_establishment'))}
        </div>
        <#if pscEstablishmentName?has_content>
            <p id="psc-establishment-name">${msg("pscEstablishmentErrorWhere", pscEstablishmentName)}</p>
        </#if>
        <p><a id="psc-establishment-restart" class="psc-button psc-button-secondary"
              href="${url.loginRestartFlowUrl}">${msg("pscEstablishmentRestart")}</a></p>
    </#if>
</@layout.registrationLayout>
