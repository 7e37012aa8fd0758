<#import "template.ftl" as layout>
<#import "psc-means.ftl" as means>
<#-- PSC's login page: two tabs, "Application e-CPS" open with the identifier form (the e-CPS login starts here), and
     "Carte CPS"; a third, "Identifiant de mon établissement", when the realm has enabled establishments' identity
     providers (pscEstablishment=true in a provider's settings, docs/establishments.md). Without script the panels
     show one under the other; psc-login.js makes them tabs. -->
<#-- Keycloak's social.providers are the providers a login page may show (enabled, not hidden); of them, only the
     establishments', read from the provider's own settings, so that the tab lists exactly what PSC's checks accept. -->
<#assign pscEstablishments = []>
<#if (social.providers)??>
    <#list social.providers as provider>
        <#assign pscProviderConfig = (social.session.identityProviders().getByAlias(provider.alias).config)!{}>
        <#if (pscProviderConfig["pscEstablishment"]!"") == "true">
            <#assign pscEstablishments = pscEstablishments + [{"alias": provider.alias, "loginUrl": provider.loginUrl,
                "name": pscProviderConfig["pscEstablishmentName"]!provider.displayName}]>
        </#if>
    </#list>
</#if>
<@layout.registrationLayout displayMessage=false; section>
    <#if section="header">
        ${msg("pscLoginTitle")}
    <#elseif section="form">
        <@means.tabs establishments=pscEstablishments/>
    </#if>
</@layout.registrationLayout>
