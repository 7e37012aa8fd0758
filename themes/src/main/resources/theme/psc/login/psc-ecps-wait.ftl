<#import "template.ftl" as layout>
<#-- e-CPS, step 2: the code to pick on the phone. js/psc-ecps-wait.js long-polls the request's state, says what
     happens in the status region (read out by screen readers) and continues by itself as soon as the phone answers;
     without script, the button does the same. A new request can be sent at any time: the 2-minute limit never
     leaves the professional stuck. -->
<@layout.registrationLayout displayMessage=false pageScripts=["js/psc-ecps-wait.js"]; section>
    <#if section="header">
        ${msg("pscEcpsWaitTitle")}
    <#elseif section="form">
        <p>${msg("pscEcpsWaitIntro")}</p>
        <p class="psc-ecps-code-label" id="psc-ecps-code-label">${msg("pscEcpsWaitCodeLabel")}</p>
        <p class="psc-ecps-code" id="psc-ecps-code">${pscEcpsCode}</p>
        <p id="psc-ecps-status" class="psc-status" role="status" aria-live="polite"
           data-done="${msg("pscEcpsWaitDone")}" data-retry="${msg("pscEcpsWaitRetrying")}">${msg("pscEcpsWaitPending")}</p>
        <p class="psc-hint">${msg("pscEcpsWaitHint", pscEcpsSeconds?c)}</p>
        <form id="psc-ecps-check" class="psc-form" action="${url.loginAction}" method="post"
              data-wait-url="${pscEcpsWaitUrl}">
            <input type="hidden" name="ecps_step" value="check">
            <button id="psc-ecps-continue" class="psc-button psc-button-primary" type="submit">${msg("pscEcpsContinue")}</button>
        </form>
        <form id="psc-ecps-renew" class="psc-form" action="${url.loginAction}" method="post">
            <button id="psc-ecps-renew-button" class="psc-button psc-button-secondary" type="submit" name="ecps_step"
                    value="retry">${msg("pscEcpsRetry")}</button>
            <button id="psc-ecps-other-means" class="psc-button psc-button-secondary" type="submit" name="method"
                    value="choose">${msg("pscCardOtherMeans")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
