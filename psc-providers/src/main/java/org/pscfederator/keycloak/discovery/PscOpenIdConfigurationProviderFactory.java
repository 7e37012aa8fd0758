package org.pscfederator.keycloak.discovery;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.wellknown.WellKnownProvider;
import org.keycloak.wellknown.WellKnownProviderFactory;

/**
 * Takes over {@code .well-known/openid-configuration} so that it and PSC's
 * {@code .well-known/wallet-openid-configuration} serve the same document.
 */
public class PscOpenIdConfigurationProviderFactory implements WellKnownProviderFactory {

    public static final String PROVIDER_ID = "psc-openid-configuration";

    /** Keycloak picks the provider with the lowest priority for an alias; its own has 100. */
    static final int PRIORITY_OVER_KEYCLOAK = 10;

    @Override
    public WellKnownProvider create(KeycloakSession session) {
        return new PscDiscoveryProvider(session);
    }

    @Override
    public String getAlias() {
        return "openid-configuration";
    }

    @Override
    public int getPriority() {
        return PRIORITY_OVER_KEYCLOAK;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
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
}
