package org.pscfederator.keycloak.establishments;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** {@code /auth/realms/{realm}/psc-login}: a login started again on PSC's own means. */
public class LoginRestartFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "psc-login";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new LoginRestart(session);
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
