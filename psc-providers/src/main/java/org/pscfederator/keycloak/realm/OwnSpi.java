package org.pscfederator.keycloak.realm;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;
import org.keycloak.models.KeycloakSession;

/**
 * One of our own SPIs: a shared service the providers reach with {@code session.getProvider(X.class)}, its state
 * held by its factory for Keycloak's lifecycle (init, postInit, close) rather than in static fields.
 */
public abstract class OwnSpi implements Spi {

    private final String name;
    private final Class<? extends Provider> provider;
    private final Class<? extends ProviderFactory> factory;

    protected OwnSpi(String name, Class<? extends Provider> provider, Class<? extends ProviderFactory> factory) {
        this.name = name;
        this.provider = provider;
        this.factory = factory;
    }

    /** The session's provider of one of our SPIs; none means the providers jar is incomplete, a deployment error. */
    public static <P extends Provider> P required(KeycloakSession session, Class<P> type) {
        P provider = session.getProvider(type);
        if (provider == null) {
            throw new IllegalStateException("no provider of " + type.getSimpleName()
                    + ": the PSC providers jar is incomplete");
        }
        return provider;
    }

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return provider;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return factory;
    }
}
