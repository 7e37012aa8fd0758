<#import "template.ftl" as layout>
<#-- "Mon compte e-CPS": the professional's own space. Every form posts the session's token (psc_csrf). -->
<#macro claimList nodes>
    <dl class="psc-claims">
        <#list nodes as node>
            <dt><code>${node.name}</code></dt>
            <dd><#if node.leaf><#if node.value?has_content>${node.value}<#else>${msg("pscSpaceEmpty")}</#if><#else><@claimList nodes=node.children/></#if></dd>
        </#list>
    </dl>
</#macro>
<#macro means value><#if value == "CPS">${msg("pscSpaceMeansCard")}<#elseif value == "e-CPS">${msg("pscSpaceMeansEcps")}<#elseif value == "establishment">${msg("pscSpaceMeansEstablishment")}<#else>${msg("pscSpaceMeansOther")}</#if></#macro>
<@layout.registrationLayout bodyClass="psc-space" displayMessage=false; section>
    <#if section="header">
        ${msg("pscSpaceTitle")}
    <#elseif section="form">
        <#if pscSpaceDone??>
            <div id="psc-space-done" class="psc-alert psc-alert-success" role="status">${msg("pscSpaceDone." + pscSpaceDone)}</div>
        </#if>
        <p id="psc-space-who">${msg("pscSpaceWho", pscSpaceFirstName, pscSpaceLastName, pscSpaceIdNat)}
            ${msg("pscSpaceLoggedInWith")} <strong id="psc-space-means"><@means value=pscSpaceMeans!""/></strong>.</p>
        <nav class="psc-space-nav" aria-label="${msg("pscSpaceNav")}">
            <ul>
                <li><a href="#psc-space-identity">${msg("pscSpaceIdentityTitle")}</a></li>
                <li><a href="#psc-space-devices">${msg("pscSpaceDevicesTitle")}</a></li>
                <li><a href="#psc-space-pairings">${msg("pscSpacePairingsTitle")}</a></li>
                <li><a href="#psc-space-logins">${msg("pscSpaceLoginsTitle")}</a></li>
                <li><a href="#psc-space-sessions">${msg("pscSpaceSessionsTitle")}</a></li>
            </ul>
        </nav>

        <section class="psc-section" aria-labelledby="psc-space-identity">
            <h2 id="psc-space-identity" class="psc-section-title">${msg("pscSpaceIdentityTitle")}</h2>
            <p class="psc-hint">${msg("pscSpaceIdentityIntro")}</p>
            <#if pscSpaceClaims?has_content>
                <details id="psc-space-claims" class="psc-details">
                    <summary>${msg("pscSpaceIdentityShow")}</summary>
                    <@claimList nodes=pscSpaceClaims/>
                </details>
            <#else>
                <p>${msg("pscSpaceIdentityNone")}</p>
            </#if>
        </section>

        <section class="psc-section" aria-labelledby="psc-space-devices">
            <h2 id="psc-space-devices" class="psc-section-title">${msg("pscSpaceDevicesTitle")}</h2>
            <#if pscSpaceDevices?has_content>
                <ul class="psc-items" id="psc-space-device-list">
                    <#list pscSpaceDevices as device>
                        <li class="psc-item" data-device-id="${device.id}">
                            <h3 class="psc-item-title">${device.label}</h3>
                            <dl class="psc-facts">
                                <dt>${msg("pscSpaceDeviceCreated")}</dt><dd>${device.created}</dd>
                                <dt>${msg("pscSpaceDeviceLastUsed")}</dt><dd><#if device.lastUsed?has_content>${device.lastUsed}<#else>${msg("pscSpaceNever")}</#if></dd>
                                <dt>${msg("pscSpaceDeviceState")}</dt><dd><#if device.active>${msg("pscSpaceDeviceActive")}<#else>${msg("pscSpaceDeviceRevoked", device.revoked)}</#if></dd>
                            </dl>
                            <#if device.active>
                                <form class="psc-form psc-inline-form" action="${pscSpaceUrl}/devices/revoke" method="post">
                                    <input type="hidden" name="psc_csrf" value="${pscSpaceCsrf}">
                                    <input type="hidden" name="device_id" value="${device.id}">
                                    <button class="psc-button psc-button-secondary" type="submit">${msg("pscSpaceRevoke")}<span class="psc-visually-hidden"> ${device.label}</span></button>
                                </form>
                            </#if>
                        </li>
                    </#list>
                </ul>
            <#else>
                <p>${msg("pscSpaceNoDevice")}</p>
            </#if>
            <h3 class="psc-item-title">${msg("pscSpaceActivateTitle")}</h3>
            <#if pscSpaceByCard>
                <form id="psc-space-activate" class="psc-form" action="${pscSpaceUrl}/activation" method="post">
                    <input type="hidden" name="psc_csrf" value="${pscSpaceCsrf}">
                    <p class="psc-hint">${msg("pscSpaceActivateIntro")}</p>
                    <button class="psc-button psc-button-primary" type="submit">${msg("pscSpaceActivate")}</button>
                </form>
            <#else>
                <p id="psc-space-activate-card">${msg("pscSpaceActivateNeedsCard")}
                    <a href="${pscSpaceUrl}/login?means=card">${msg("pscSpaceLoginWithCard")}</a></p>
            </#if>
        </section>

        <section class="psc-section" aria-labelledby="psc-space-pairings">
            <h2 id="psc-space-pairings" class="psc-section-title">${msg("pscSpacePairingsTitle")}</h2>
            <#if pscSpacePairings?has_content>
                <p class="psc-hint">${msg("pscSpacePairingsIntro")}</p>
                <ul class="psc-items" id="psc-space-pairing-list">
                    <#list pscSpacePairings as pairing>
                        <li class="psc-item" data-provider="${pairing.provider}">
                            <h3 class="psc-item-title">${pairing.establishment}</h3>
                            <dl class="psc-facts">
                                <dt>${msg("pscSpacePairingCreated")}</dt><dd>${pairing.created}</dd>
                                <dt>${msg("pscSpacePairingMeans")}</dt><dd><@means value=pairing.means/></dd>
                                <dt>${msg("pscSpacePairingExpires")}</dt><dd>${pairing.expires}</dd>
                            </dl>
                            <form class="psc-form psc-inline-form" action="${pscSpaceUrl}/pairings/remove" method="post">
                                <input type="hidden" name="psc_csrf" value="${pscSpaceCsrf}">
                                <input type="hidden" name="provider" value="${pairing.provider}">
                                <button class="psc-button psc-button-secondary" type="submit">${msg("pscSpacePairingRemove")}<span class="psc-visually-hidden"> ${pairing.establishment}</span></button>
                            </form>
                        </li>
                    </#list>
                </ul>
            <#else>
                <p>${msg("pscSpaceNoPairing")}</p>
            </#if>
        </section>

        <section class="psc-section" aria-labelledby="psc-space-logins">
            <h2 id="psc-space-logins" class="psc-section-title">${msg("pscSpaceLoginsTitle")}</h2>
            <p class="psc-hint">${msg("pscSpaceLoginsIntro")}</p>
            <#if pscSpaceLogins?has_content>
                <ul class="psc-items" id="psc-space-login-list">
                    <#list pscSpaceLogins as login>
                        <li class="psc-item" data-event-id="${login.id}">
                            <h3 class="psc-item-title">${login.when}</h3>
                            <dl class="psc-facts">
                                <dt>${msg("pscSpaceLoginMeans")}</dt><dd class="psc-login-means"><@means value=login.means/><#if login.device?has_content> (${login.device})</#if></dd>
                                <dt>${msg("pscSpaceLoginService")}</dt><dd class="psc-login-service">${login.service}</dd>
                                <dt>${msg("pscSpaceLoginAddress")}</dt><dd>${login.address}</dd>
                            </dl>
                            <form class="psc-form psc-inline-form" action="${pscSpaceUrl}/logins/not-me" method="post">
                                <input type="hidden" name="psc_csrf" value="${pscSpaceCsrf}">
                                <input type="hidden" name="event_id" value="${login.id}">
                                <button class="psc-button psc-button-secondary" type="submit">${msg("pscSpaceNotMe")}<span class="psc-visually-hidden"> ${msg("pscSpaceNotMeWhich", login.when)}</span></button>
                            </form>
                        </li>
                    </#list>
                </ul>
            <#else>
                <p>${msg("pscSpaceNoLogin")}</p>
            </#if>
        </section>

        <section class="psc-section" aria-labelledby="psc-space-sessions">
            <h2 id="psc-space-sessions" class="psc-section-title">${msg("pscSpaceSessionsTitle")}</h2>
            <ul class="psc-items" id="psc-space-session-list">
                <#list pscSpaceSessions as open>
                    <li class="psc-item">
                        <h3 class="psc-item-title">${msg("pscSpaceSessionStarted", open.started)}<#if open.current> ${msg("pscSpaceSessionCurrent")}</#if></h3>
                        <dl class="psc-facts">
                            <dt>${msg("pscSpaceLoginMeans")}</dt><dd><@means value=open.means!""/></dd>
                            <dt>${msg("pscSpaceSessionLast")}</dt><dd>${open.lastActivity}</dd>
                            <dt>${msg("pscSpaceLoginAddress")}</dt><dd>${open.address}</dd>
                            <dt>${msg("pscSpaceSessionServices")}</dt><dd>${open.services?join(", ")}</dd>
                        </dl>
                    </li>
                </#list>
            </ul>
            <form id="psc-space-logout-all" class="psc-form" action="${pscSpaceUrl}/sessions/logout" method="post">
                <input type="hidden" name="psc_csrf" value="${pscSpaceCsrf}">
                <button class="psc-button psc-button-primary" type="submit">${msg("pscSpaceLogoutAll")}</button>
            </form>
        </section>
    </#if>
</@layout.registrationLayout>
