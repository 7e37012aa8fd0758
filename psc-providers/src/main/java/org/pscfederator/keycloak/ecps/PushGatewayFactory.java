package org.pscfederator.keycloak.ecps;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** Makes the {@link PushGateway} of one channel. */
public interface PushGatewayFactory extends ProviderFactory<PushGateway> {

    @Override
    default void init(Config.Scope config) {
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }
}
