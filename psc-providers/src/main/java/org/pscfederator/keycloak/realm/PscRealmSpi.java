package org.pscfederator.keycloak.realm;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** Our own SPI, {@code psc-realm}: which realm of the server is PSC's. */
public class PscRealmSpi implements Spi {

    public static final String NAME = "psc-realm";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return PscRealm.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return PscRealmFactory.class;
    }
}
