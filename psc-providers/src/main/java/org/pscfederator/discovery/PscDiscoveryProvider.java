package org.pscfederator.discovery;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCWellKnownProviderFactory;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.wellknown.WellKnownProvider;

/**
 * Serves PSC's discovery document: built by Keycloak's own OpenID configuration provider, then adjusted.
 */
final class PscDiscoveryProvider implements WellKnownProvider {

    private final KeycloakSession session;

    PscDiscoveryProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getConfig() {
        WellKnownProvider keycloakProvider =
                session.getProvider(WellKnownProvider.class, OIDCWellKnownProviderFactory.PROVIDER_ID);
        return PscDiscoveryDocument.apply((OIDCConfigurationRepresentation) keycloakProvider.getConfig());
    }

    @Override
    public void close() {
    }
}
