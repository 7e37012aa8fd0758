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
        <div class="psc-tabs" data-psc-tabs>
            <div class="psc-tablist" role="tablist" aria-label="${msg("pscLoginMeans")}" hidden>
                <@means.tabButtons/>
                <#if pscEstablishments?has_content>
                    <button type="button" role="tab" id="psc-tab-establishment" class="psc-tab"
                            aria-controls="psc-panel-establishment" aria-selected="false"
                            tabindex="-1">${msg("pscLoginEstablishment")}</button>
                </#if>
            </div>

            <@means.ecpsPanel/>
            <@means.cardPanel/>

            <#if pscEstablishments?has_content>
                <section id="psc-panel-establishment" class="psc-tabpanel" role="tabpanel"
                         aria-labelledby="psc-tab-establishment">
                    <h2 class="psc-panel-title">${msg("pscLoginEstablishment")}</h2>
                    <p id="psc-establishment-hint" class="psc-hint">${msg("pscLoginEstablishmentHint")}</p>
                    <ul id="psc-establishments" class="psc-establishments">
                        <#list pscEstablishments as establishment>
                            <li><a id="psc-establishment-${establishment.alias}" class="psc-button psc-button-secondary"
                                   href="${establishment.loginUrl}">${establishment.name}</a></li>
                        </#list>
                    </ul>
                    <p class="psc-hint">${msg("pscLoginEstablishmentFirstTime")}</p>
                </section>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
