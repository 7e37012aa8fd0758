<#import "template.ftl" as layout>
<#-- A new e-CPS device, after a card login in the space: the code and its QR code, valid a short time. The script
     (a file of the theme) says when it has expired; without it the page says how long it lasts. -->
<@layout.registrationLayout bodyClass="psc-space" displayMessage=false pageScripts=["js/psc-space-activation.js"]; section>
    <#if section="header">
        ${msg("pscEcpsActivationTitle")}
    <#elseif section="form">
        <div id="activation-panel" data-expires-in="${pscActivationSeconds?c}">
            <p>${msg("pscEcpsActivationIntro", pscActivationSeconds?c)}</p>
            <div id="activation-live">
                <p>${msg("pscEcpsActivationCodeLabel")} <strong id="activation-code" class="psc-activation-code">${pscActivationCode}</strong></p>
                <#-- The SVG is drawn by the server from the code alone, nothing the visitor sent. -->
                <div id="activation-qr" class="psc-activation-qr" role="img" aria-label="${msg("pscEcpsActivationQrLabel")}">${pscActivationQr?no_esc}</div>
            </div>
            <p id="activation-expired" class="psc-alert psc-alert-error" role="alert" hidden>${msg("pscSpaceActivationExpired")}</p>
        </div>
        <form id="psc-space-activate" class="psc-form" action="${pscSpaceUrl}/activation" method="post">
            <input type="hidden" name="psc_csrf" value="${pscSpaceCsrf}">
            <button class="psc-button psc-button-secondary" type="submit">${msg("pscSpaceActivateAgain")}</button>
        </form>
        <p><a id="psc-space-back" href="${pscSpaceUrl}">${msg("pscSpaceBack")}</a></p>
    </#if>
</@layout.registrationLayout>
