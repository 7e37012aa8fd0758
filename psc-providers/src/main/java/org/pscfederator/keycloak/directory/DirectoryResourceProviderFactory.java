package org.pscfederator.keycloak.directory;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.pscfederator.keycloak.realm.OwnSpi;

/** {@code /auth/realms/{realm}/psc-directory}: the directory's admin endpoints. */
public class DirectoryResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "psc-directory";

    private final ImportMetrics metrics = new ImportMetrics();

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new DirectoryResourceProvider(session, OwnSpi.required(session, DirectoryStoreProvider.class).store(),
                metrics);
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
