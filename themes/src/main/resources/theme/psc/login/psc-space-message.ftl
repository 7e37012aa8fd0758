<#import "template.ftl" as layout>
<#-- A page of the space that only says something: a refusal (nothing was changed), or that the sessions ended. -->
<@layout.registrationLayout bodyClass="psc-space" displayMessage=false; section>
    <#if section="header">
        ${msg("pscSpaceTitle")}
    <#elseif section="form">
        <div id="psc-space-message" class="psc-alert ${(pscSpaceMessage == "logged_out")?then("psc-alert-success", "psc-alert-error")}"
             role="${(pscSpaceMessage == "logged_out")?then("status", "alert")}" data-reason="${pscSpaceMessage}">
            ${msg("pscSpace." + pscSpaceMessage)}
        </div>
        <p><a id="psc-space-link" class="psc-button psc-button-primary" href="${pscSpaceLink}"><#if pscSpaceLinkIsLogin>${msg("pscSpaceLoginAgain")}<#else>${msg("pscSpaceBack")}</#if></a></p>
    </#if>
</@layout.registrationLayout>
