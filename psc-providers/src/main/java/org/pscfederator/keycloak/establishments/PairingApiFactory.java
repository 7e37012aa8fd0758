package org.pscfederator.keycloak.establishments;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.pscfederator.keycloak.realm.OwnSpi;

/** {@code /auth/realms/{realm}/psc-pairings}: the administrators' pairing API. */
public class PairingApiFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "psc-pairings";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new PairingApi(session, OwnSpi.required(session, PairingStore.class));
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
