package org.pscfederator.keycloak.realm;

import java.util.Optional;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;

import org.keycloak.Config;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Lets through a bearer token of an administrator of the realm that owns PSC's data only: that realm's
 * {@code realm-management/realm-admin}, or the master realm's {@code admin}. Anything else is refused with
 * {@link AdminRefusal}'s JSON answer before the call does anything; in any other realm our endpoints are not served
 * at all ({@link PscRealm}).
 */
public final class RealmAdminCheck {

    private RealmAdminCheck() {
    }

    /** The token's holder if the token is valid in that realm; null otherwise (Keycloak signals it by throwing). */
    private static AuthResult authenticate(KeycloakSession session, RealmModel realm) {
        // Keycloak decodes tokens with the keys of the context's realm, as its own admin endpoints do.
        RealmModel requested = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            return new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm)
                    .setHeaders(session.getContext().getRequestHeaders())
                    .setUriInfo(session.getContext().getUri())
                    .setConnection(session.getContext().getConnection())
                    .authenticate();
        } catch (NotAuthorizedException e) {
            return null;
        } finally {
            session.getContext().setRealm(requested);
        }
    }

    /** Refuses the call with {@link AdminRefusal#answer()} unless the caller is one of those administrators. */
    public static void require(KeycloakSession session) {
        Optional<AdminRefusal> refusal = refusal(session);
        if (refusal.isPresent()) {
            throw new WebApplicationException(refusal.get().answer());
        }
    }

    /** Why the caller is not one of those administrators; empty if they are. 404 (thrown) outside PSC's realm. */
    public static Optional<AdminRefusal> refusal(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        if (!PscRealm.of(session).owns(realm)) {
            // Our resources are not served outside PSC's realm; this is the second lock on the same door.
            throw new NotFoundException();
        }
        AuthResult local = authenticate(session, realm);
        if (local != null) {
            ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
            RoleModel realmAdmin = management == null ? null : management.getRole("realm-admin");
            return realmAdmin != null && local.getUser().hasRole(realmAdmin) ? Optional.empty()
                    : Optional.of(AdminRefusal.NOT_REALM_ADMIN);
        }
        RealmModel master = session.realms().getRealmByName(Config.getAdminRealm());
        AuthResult admin = master == null ? null : authenticate(session, master);
        if (admin == null) {
            return Optional.of(AdminRefusal.ADMIN_TOKEN_REQUIRED);
        }
        RoleModel masterAdmin = master.getRole("admin");
        return masterAdmin != null && admin.getUser().hasRole(masterAdmin) ? Optional.empty()
                : Optional.of(AdminRefusal.NOT_REALM_ADMIN);
    }
}
