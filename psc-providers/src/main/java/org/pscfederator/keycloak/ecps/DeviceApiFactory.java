package org.pscfederator.keycloak.ecps;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.pscfederator.core.ecps.HeldCalls;
import org.pscfederator.keycloak.realm.OwnSpi;

/** {@code /auth/realms/{realm}/psc-ecps}: the e-CPS device API. */
public class DeviceApiFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = HeldCalls.RESOURCE;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new DeviceApi(session, OwnSpi.required(session, DeviceStore.class));
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
