<#import "template.ftl" as layout>
<#-- Keycloak's logout confirmation in PSC's layout, without the base theme's inline handler (script-src 'self'). -->
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("logoutConfirmTitle")}
    <#elseif section = "form">
        <div id="kc-logout-confirm">
            <p>${msg("logoutConfirmHeader")}</p>
            <form class="psc-form" action="${url.logoutConfirmAction}" method="post">
                <input type="hidden" name="session_code" value="${logoutConfirm.code}">
                <button class="psc-button psc-button-primary" name="confirmLogout" id="kc-logout" type="submit"
                        value="${msg("doLogout")}">${msg("doLogout")}</button>
            </form>
            <#if !logoutConfirm.skipLink && (client.baseUrl)?has_content>
                <p><a href="${client.baseUrl}">${msg("backToApplication")}</a></p>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
