package org.pscfederator.keycloak.discovery;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCWellKnownProviderFactory;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.wellknown.WellKnownProvider;

/**
 * Serves PSC's discovery document: built by Keycloak's own OpenID configuration provider, then adjusted.
 */
final class PscDiscoveryProvider implements WellKnownProvider {

    /** The realm attribute by which the sandbox lets psc-org-mtls clients use a secret (clientauth package). */
    static final String SECRET_ALLOWED_ATTRIBUTE = "pscClientSecretAllowed";

    private final KeycloakSession session;

    PscDiscoveryProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getConfig() {
        WellKnownProvider keycloakProvider =
                session.getProvider(WellKnownProvider.class, OIDCWellKnownProviderFactory.PROVIDER_ID);
        return PscDiscoveryDocument.apply((OIDCConfigurationRepresentation) keycloakProvider.getConfig(),
                Boolean.parseBoolean(session.getContext().getRealm().getAttribute(SECRET_ALLOWED_ATTRIBUTE)));
    }

    @Override
    public void close() {
    }
}
