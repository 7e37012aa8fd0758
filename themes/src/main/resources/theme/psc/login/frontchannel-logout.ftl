<#import "template.ftl" as layout>
<#-- Keycloak's front-channel logout in PSC's layout: the relying services' logout pages in hidden frames, then on
     to the redirect by js/psc-frontchannel-logout.js (nothing inline; the link does the same without script). -->
<@layout.registrationLayout pageScripts=["js/psc-frontchannel-logout.js"]; section>
    <#if section = "header">
        ${msg("frontchannel-logout.title")}
    <#elseif section = "form">
        <p>${msg("frontchannel-logout.message")}</p>
        <ul>
        <#list logout.clients as client>
            <li>${client.name}<iframe src="${client.frontChannelLogoutUrl}" hidden title="${client.name}"></iframe></li>
        </#list>
        </ul>
        <#if logout.logoutRedirectUri?has_content>
            <a id="continue" class="psc-button psc-button-primary" href="${logout.logoutRedirectUri}"
               data-psc-continue>${msg("doContinue")}</a>
        </#if>
    </#if>
</@layout.registrationLayout>
