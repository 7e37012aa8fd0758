package org.pscfederator.keycloak.establishments;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.constants.AdapterConstants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.sessions.RootAuthenticationSessionModel;
import org.pscfederator.keycloak.realm.PscRealm;

/**
 * {@code /auth/realms/{realm}/psc-login/restart}: starts this browser's login again on PSC's own means after an
 * establishment's provider failed (unreachable, a bad answer). Keycloak's own restart keeps the request's
 * {@code kc_idp_hint}, which would send the professional back to the failing provider: this drops the hint from the
 * browser's logins in progress for that client (found by its cookie, and its tab when given; nothing else), then
 * hands over to Keycloak's restart. Served in the PSC realm only.
 */
public class LoginRestart implements RealmResourceProvider {

    private final KeycloakSession session;

    LoginRestart(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return PscRealm.of(session).owns(session.getContext().getRealm()) ? this : null;
    }

    @GET
    @Path("restart")
    public Response restart(@QueryParam(Constants.CLIENT_ID) String clientId, @QueryParam(Constants.TAB_ID) String tabId,
            @QueryParam(Constants.CLIENT_DATA) String clientData) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        if (client != null) {
            // Keycloak's error page names the client, not always the tab: every login of this browser for it.
            RootAuthenticationSessionModel root = new AuthenticationSessionManager(session)
                    .getCurrentRootAuthenticationSession(realm);
            if (root != null) {
                root.getAuthenticationSessions().values().stream()
                        .filter(login -> login.getClient() != null && login.getClient().getId().equals(client.getId()))
                        .filter(login -> tabId == null || tabId.equals(login.getTabId()))
                        .forEach(login -> login.removeClientNote(AdapterConstants.KC_IDP_HINT));
            }
        }
        UriBuilder restart = UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms").path(realm.getName()).path("login-actions").path("restart");
        if (client != null) {
            restart.queryParam(Constants.CLIENT_ID, client.getClientId());
        }
        if (tabId != null && tabId.matches("[A-Za-z0-9_-]{1,64}")) {
            restart.queryParam(Constants.TAB_ID, tabId);
        }
        if (clientData != null && clientData.matches("[A-Za-z0-9_=-]{1,4096}")) {
            restart.queryParam(Constants.CLIENT_DATA, clientData);
        }
        URI target = restart.build();
        return Response.seeOther(target).header("Cache-Control", "no-store").build();
    }

    @Override
    public void close() {
    }
}
