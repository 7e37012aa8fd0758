package org.pscfederator.keycloak.claims;

import java.util.Set;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.pscfederator.keycloak.realm.RealmAttributes;

/**
 * PSC answers userinfo with a signed JWT: every relying service created in a realm that asks for it
 * ({@code pscSignedUserInfo=true}) starts with {@code user.info.response.signature.alg} RS256. Removing that
 * attribute from a client turns its userinfo back to JSON. Keycloak's own clients (consoles, admin-cli) keep JSON.
 */
final class SignedUserInfoDefault {

    static final String CLIENT_ATTRIBUTE = "user.info.response.signature.alg";
    static final String ALGORITHM = "RS256";
    private static final Set<String> KEYCLOAK_CLIENTS = Set.of(Constants.ADMIN_CONSOLE_CLIENT_ID,
            Constants.ADMIN_CLI_CLIENT_ID, Constants.ACCOUNT_MANAGEMENT_CLIENT_ID, Constants.ACCOUNT_CONSOLE_CLIENT_ID,
            Constants.BROKER_SERVICE_CLIENT_ID, Constants.REALM_MANAGEMENT_CLIENT_ID);

    private SignedUserInfoDefault() {
    }

    static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof ClientModel.ClientCreationEvent creation) {
                apply(creation.getCreatedClient());
            }
        });
    }

    static void apply(ClientModel client) {
        // A bad pscSignedUserInfo throws RealmSettingException naming it: the client is not created, so the admin
        // (or the realm import) sees the error rather than a relying service silently answered in plain JSON.
        boolean realmWantsIt = RealmAttributes.settings(client.getRealm()).signedUserInfo();
        boolean oidc = client.getProtocol() == null || OIDCLoginProtocol.LOGIN_PROTOCOL.equals(client.getProtocol());
        if (realmWantsIt && oidc && !KEYCLOAK_CLIENTS.contains(client.getClientId())
                && client.getAttribute(CLIENT_ATTRIBUTE) == null) {
            client.setAttribute(CLIENT_ATTRIBUTE, ALGORITHM);
        }
    }
}
