package org.pscfederator.keycloak.discovery;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCWellKnownProviderFactory;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.wellknown.WellKnownProvider;
import org.pscfederator.core.settings.RealmSettingException;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.keycloak.realm.RealmAttributes;

/**
 * Serves PSC's discovery document: built by Keycloak's own OpenID configuration provider, then adjusted.
 */
final class PscDiscoveryProvider implements WellKnownProvider {

    private static final Logger LOG = Logger.getLogger(PscDiscoveryProvider.class);

    private final KeycloakSession session;

    PscDiscoveryProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getConfig() {
        WellKnownProvider keycloakProvider =
                session.getProvider(WellKnownProvider.class, OIDCWellKnownProviderFactory.PROVIDER_ID);
        return PscDiscoveryDocument.apply((OIDCConfigurationRepresentation) keycloakProvider.getConfig(),
                secretAllowed(session.getContext().getRealm()));
    }

    /** As the client authenticator reads it: a bad value refuses secrets, so the document does not offer them. */
    private static boolean secretAllowed(RealmModel realm) {
        try {
            return RealmAttributes.settings(realm).clientSecretAllowed();
        } catch (RealmSettingException e) {
            LOG.errorf("discovery of realm %s offers no client secret: %s", realm.getName(),
                    LoggedText.of(e.getMessage()));
            return false;
        }
    }

    @Override
    public void close() {
    }
}
