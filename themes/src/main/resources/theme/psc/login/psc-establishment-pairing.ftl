<#import "template.ftl" as layout>
<#import "psc-means.ftl" as means>
<#-- The first login through an establishment's identity provider: the professional confirms who they are with their
     CPS card or e-CPS, once, and their establishment's account is paired with their national identity. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section="header">
        ${msg("pscPairingTitle", pscEstablishmentName)}
    <#elseif section="form">
        <#if pscEstablishmentEnded??>
            <div id="psc-pairing-ended" class="psc-alert psc-alert-success" role="status"
                 data-reason="${pscEstablishmentEnded}">${msg("pscEstablishment." + pscEstablishmentEnded)}</div>
        </#if>
        <p id="psc-pairing-intro">${msg("pscPairingIntro", pscEstablishmentName)}</p>
        <@means.tabs/>
    </#if>
</@layout.registrationLayout>
