package org.pscfederator.keycloak.space;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.pscfederator.keycloak.ecps.DeviceStore;
import org.pscfederator.keycloak.establishments.PairingStore;
import org.pscfederator.keycloak.realm.OwnSpi;

/** {@code /auth/realms/{realm}/psc-space}: the professional's own space, "Mon compte e-CPS" (docs/space.md). */
public class SpaceFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "psc-space";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new Space(session, OwnSpi.required(session, DeviceStore.class),
                OwnSpi.required(session, PairingStore.class));
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
