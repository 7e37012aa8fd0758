<#-- PSC's page layout for every login page (ours and Keycloak's own: errors, expired pages, logout): a header with
     the service's name, one main column, the language links, a footer. No inline script or style anywhere, so the
     realm's Content-Security-Policy can say script-src 'self' and style-src 'self'. -->
<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false pageScripts=[]>
<#assign pageHeader><#nested "header"></#assign>
<!DOCTYPE html>
<html lang="${lang}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light">
    <meta name="robots" content="noindex, nofollow">
    <title><#if pageHeader?has_content>${pageHeader?markup_string?trim?no_esc} – </#if>${realm.displayName!msg("loginTitle")}</title>
    <link rel="icon" href="${url.resourcesPath}/img/psc.svg" type="image/svg+xml">
    <link rel="stylesheet" href="${url.resourcesPath}/css/psc.css">
    <#-- Marks the page as scripted before it is drawn (tabs then show one panel), then wires the tabs. -->
    <script src="${url.resourcesPath}/js/psc-login.js"></script>
    <#list pageScripts as script>
    <script src="${url.resourcesPath}/${script}" defer></script>
    </#list>
</head>
<body class="psc-body ${bodyClass}" data-page-id="login-${pageId!''}">
<a id="psc-skip" class="psc-skip" href="#psc-main">${msg("pscSkipToContent")}</a>
<header class="psc-header">
    <div class="psc-header-inner">
        <p class="psc-brand">${kcSanitize(realm.displayNameHtml!msg("loginTitle"))?no_esc}</p>
        <p class="psc-tagline">${msg("pscTagline")}</p>
    </div>
</header>
<main id="psc-main" class="psc-main" tabindex="-1">
    <div class="psc-panel">
        <h1 id="kc-page-title" class="psc-title">${pageHeader?markup_string?trim?no_esc}</h1>
        <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
            <div class="psc-alert psc-alert-${message.type}" role="${(message.type == 'error')?then('alert', 'status')}">
                <span class="kc-feedback-text">${kcSanitize(message.summary)?no_esc}</span>
            </div>
        </#if>
        <#nested "form">
        <#if displayInfo>
            <div id="kc-info" class="psc-info"><#nested "info"></div>
        </#if>
    </div>
</main>
<footer class="psc-footer">
    <div class="psc-footer-inner">
        <#if realm.internationalizationEnabled && locale.supported?size gt 1>
            <nav class="psc-languages" aria-label="${msg("pscLanguages")}">
                <ul>
                    <#list locale.supported as l>
                        <li><a href="${l.url}" lang="${l.languageTag}" hreflang="${l.languageTag}"
                               <#if l.languageTag == locale.currentLanguageTag>aria-current="true"</#if>>${l.label}</a></li>
                    </#list>
                </ul>
            </nav>
        </#if>
        <p>${msg("pscFooter")}</p>
    </div>
</footer>
</body>
</html>
</#macro>
