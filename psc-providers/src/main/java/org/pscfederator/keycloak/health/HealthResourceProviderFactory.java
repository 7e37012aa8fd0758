package org.pscfederator.keycloak.health;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** {@code /auth/realms/{realm}/psc-health}: the operations health report. */
public class HealthResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "psc-health";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new HealthResourceProvider(session);
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
