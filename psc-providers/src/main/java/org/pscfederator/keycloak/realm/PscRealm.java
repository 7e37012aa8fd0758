package org.pscfederator.keycloak.realm;

import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * The one realm of this server that holds PSC's data: the professional directory, the e-CPS devices, their pending
 * requests. Our endpoints, user store and authenticators serve that realm only; in any other realm they are absent
 * (404) or find nobody, so that another realm's administrator reaches nothing of PSC's.
 */
public interface PscRealm extends Provider {

    /** PSC's realm name at the national service, and the default here. */
    String DEFAULT_NAME = "esante-wallet";

    /** The name of the realm that holds PSC's data. */
    String name();

    /**
     * Where PSC's front serves the authorization endpoint, as PSC's discovery names it ({@code https://wallet.<host>/auth},
     * which integrations hard-code); empty when the server has no such front, and discovery keeps Keycloak's own.
     */
    default Optional<String> authorizationEndpoint() {
        return Optional.empty();
    }

    /** True if this realm is PSC's. */
    default boolean owns(RealmModel realm) {
        return realm != null && name().equals(realm.getName());
    }

    /** The server's PSC realm, through Keycloak's provider mechanism. */
    static PscRealm of(KeycloakSession session) {
        PscRealm realm = session.getProvider(PscRealm.class);
        if (realm == null) {
            throw new IllegalStateException("no psc-realm provider: the PSC providers jar is incomplete");
        }
        return realm;
    }

    @Override
    default void close() {
    }
}
