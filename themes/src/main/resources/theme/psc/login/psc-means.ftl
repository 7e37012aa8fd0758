<#import "psc-card-checks.ftl" as cardChecks>
<#-- PSC's means as tabs, "Application e-CPS" open with the identifier form and "Carte CPS", and on the login page a
     third, "Identifiant de mon établissement", listing the establishments' logins: the panels of a page where the
     professional proves who they are (PSC's login page, the pairing of an establishment's account). Without script
     the panels show one under the other; psc-login.js makes them tabs. -->
<#macro ecpsPanel>
    <section id="psc-panel-ecps" class="psc-tabpanel psc-open" role="tabpanel" aria-labelledby="psc-tab-ecps">
        <h2 class="psc-panel-title">${msg("pscLoginEcps")}</h2>
        <p class="psc-hint">${msg("pscLoginEcpsHint")}</p>
        <form id="psc-ecps-identifier" class="psc-form" action="${url.loginAction}" method="post" novalidate>
            <input type="hidden" name="ecps_step" value="identify">
            <div class="psc-field<#if pscEcpsError??> psc-field-invalid</#if>">
                <label for="id_nat" class="psc-label">${msg("pscEcpsIdNatLabel")}</label>
                <p id="id_nat-hint" class="psc-hint">${msg("pscEcpsIdNatHint")}</p>
                <#if pscEcpsError??>
                    <p id="id_nat-error" class="psc-field-error" data-reason="${pscEcpsError}">
                        <span class="psc-visually-hidden">${msg("pscErrorPrefix")}</span>
                        <span id="psc-ecps-error">${msg("pscEcps." + pscEcpsError)}</span>
                    </p>
                </#if>
                <input id="id_nat" name="id_nat" type="text" class="psc-input" autocomplete="username"
                       inputmode="text" maxlength="40" spellcheck="false" autocapitalize="none" required
                       aria-describedby="<#if pscEcpsError??>id_nat-error </#if>id_nat-hint"
                       <#if pscEcpsError??>aria-invalid="true" autofocus</#if>
                       value="${(pscEcpsIdNat!'')}">
            </div>
            <div class="psc-checkbox">
                <input id="remember" name="remember" type="checkbox" <#if (pscEcpsRemembered!false)>checked</#if>>
                <label for="remember">${msg("pscEcpsRemember")}</label>
            </div>
            <button id="psc-ecps-send" class="psc-button psc-button-primary" type="submit">${msg("pscEcpsSend")}</button>
        </form>
    </section>
</#macro>
<#macro cardPanel>
    <section id="psc-panel-card" class="psc-tabpanel" role="tabpanel" aria-labelledby="psc-tab-card">
        <h2 class="psc-panel-title">${msg("pscLoginCard")}</h2>
        <form id="psc-login-form" class="psc-form" action="${url.loginAction}" method="post">
            <p class="psc-hint">${msg("pscLoginCardHint")}</p>
            <button id="psc-login-card" class="psc-button psc-button-primary" type="submit" name="method"
                    value="card">${msg("pscLoginCardButton")}</button>
        </form>
        <div class="psc-help">
            <h3 class="psc-help-title">${msg("pscCardHelpTitle")}</h3>
            <p>${msg("pscCardHelpIntro")}</p>
            <@cardChecks.list/>
        </div>
    </section>
</#macro>
<#-- establishments: [{alias, loginUrl, name}], the establishments' logins the login page offers; none elsewhere. -->
<#macro establishmentPanel establishments>
    <section id="psc-panel-establishment" class="psc-tabpanel" role="tabpanel" aria-labelledby="psc-tab-establishment">
        <h2 class="psc-panel-title">${msg("pscLoginEstablishment")}</h2>
        <p id="psc-establishment-hint" class="psc-hint">${msg("pscLoginEstablishmentHint")}</p>
        <ul id="psc-establishments" class="psc-establishments">
            <#list establishments as establishment>
                <li><a id="psc-establishment-${establishment.alias}" class="psc-button psc-button-secondary"
                       href="${establishment.loginUrl}">${establishment.name}</a></li>
            </#list>
        </ul>
        <p class="psc-hint">${msg("pscLoginEstablishmentFirstTime")}</p>
    </section>
</#macro>
<#macro tabs establishments=[]>
    <div class="psc-tabs" data-psc-tabs>
        <div class="psc-tablist" role="tablist" aria-label="${msg("pscLoginMeans")}" hidden>
            <button type="button" role="tab" id="psc-tab-ecps" class="psc-tab" aria-controls="psc-panel-ecps"
                    aria-selected="true">${msg("pscLoginEcps")}</button>
            <button type="button" role="tab" id="psc-tab-card" class="psc-tab" aria-controls="psc-panel-card"
                    aria-selected="false" tabindex="-1">${msg("pscLoginCard")}</button>
            <#if establishments?has_content>
                <button type="button" role="tab" id="psc-tab-establishment" class="psc-tab"
                        aria-controls="psc-panel-establishment" aria-selected="false"
                        tabindex="-1">${msg("pscLoginEstablishment")}</button>
            </#if>
        </div>
        <@ecpsPanel/>
        <@cardPanel/>
        <#if establishments?has_content>
            <@establishmentPanel establishments/>
        </#if>
    </div>
</#macro>
