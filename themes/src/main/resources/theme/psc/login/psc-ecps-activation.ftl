<#import "template.ftl" as layout>
<#-- Activation of the e-CPS app after a card was checked: the code and its QR code, valid a short time. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section="header">
        ${msg("pscEcpsActivationTitle")}
    <#elseif section="form">
        <p>${msg("pscEcpsActivationIntro", pscActivationSeconds?c)}</p>
        <p>${msg("pscEcpsActivationCodeLabel")} <strong id="activation-code">${pscActivationCode}</strong></p>
        <#-- The SVG is drawn by the server from the code alone, nothing the visitor sent. -->
        <div id="activation-qr" role="img" aria-label="${msg("pscEcpsActivationQrLabel")}">${pscActivationQr?no_esc}</div>
    </#if>
</@layout.registrationLayout>
