<#import "template.ftl" as layout>
<#-- Keycloak's error page in PSC's layout. After an establishment's identity provider failed (unreachable, a bad
     answer), PSC's own means are offered: the login starts again without the provider's hint (psc-login/restart). -->
<#assign pscBrokerErrors = ["identityProviderUnexpectedErrorMessage", "identityProviderInvalidResponseMessage",
    "identityProviderInvalidSignatureMessage", "identityProviderMissingStateMessage",
    "identityProviderMissingCodeOrErrorMessage", "couldNotObtainTokenMessage", "unexpectedErrorHandlingResponseMessage",
    "identityProviderAuthenticationFailedMessage"]>
<#assign pscBrokerError = false>
<#if (message.summary)??>
    <#list pscBrokerErrors as key>
        <#if message.summary == msg(key)><#assign pscBrokerError = true></#if>
    </#list>
</#if>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${kcSanitize(msg("errorTitle"))?no_esc}
    <#elseif section = "form">
        <div id="kc-error-message">
            <p class="instruction">${kcSanitize((message.summary)!"")?no_esc}</p>
            <#if traceId??>
                <p class="instruction" id="traceId">${msg("traceIdSupportMessage", traceId)}</p>
            </#if>
        </div>
        <#if pscBrokerError && (url.loginRestartFlowUrl)??>
            <#assign pscRestart = url.loginRestartFlowUrl?replace("/login-actions/restart", "/psc-login/restart")>
            <div id="psc-broker-other-means">
                <p>${msg("pscBrokerErrorOtherMeans")}</p>
                <p><a id="psc-establishment-restart" class="psc-button psc-button-primary"
                      href="${pscRestart}">${msg("pscBrokerErrorRestart")}</a></p>
            </div>
        <#elseif !(skipLink??) && (client.baseUrl)?has_content>
            <p><a id="backToApplication" href="${client.baseUrl}">${msg("backToApplication")}</a></p>
        </#if>
    </#if>
</@layout.registrationLayout>
