package org.pscfederator.keycloak.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.OIDCWellKnownProviderFactory;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.wellknown.WellKnownProvider;
import org.pscfederator.core.settings.RealmSettingException;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.keycloak.realm.PscRealm;
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
        RealmModel realm = session.getContext().getRealm();
        OIDCConfigurationRepresentation document = PscDiscoveryDocument.apply(
                (OIDCConfigurationRepresentation) keycloakProvider.getConfig(),
                new PscDiscoveryDocument.RealmOffer(secretAllowed(realm), offeredScopes(realm)));
        PscRealm pscRealm = PscRealm.of(session);
        if (pscRealm.owns(realm)) {
            // The front redirects it to this realm's own endpoint, which stays where Keycloak serves it.
            pscRealm.authorizationEndpoint().ifPresent(document::setAuthorizationEndpoint);
        }
        return document;
    }

    /**
     * The scopes a relying service may ask for: those the realm gives every new client (default and optional), of
     * OpenID Connect, shown in the token's scope and not hidden from discovery by the operator. Keycloak would list
     * every scope the realm defines, including ones no client is given.
     */
    private static List<String> offeredScopes(RealmModel realm) {
        List<String> scopes = new ArrayList<>(List.of(OAuth2Constants.SCOPE_OPENID));
        Stream.concat(realm.getDefaultClientScopesStream(true), realm.getDefaultClientScopesStream(false))
                .filter(scope -> OIDCLoginProtocol.LOGIN_PROTOCOL.equals(scope.getProtocol()))
                .filter(ClientScopeModel::isIncludeInTokenScope)
                .filter(ClientScopeModel::isIncludeInOpenIDProviderMetadata)
                .map(ClientScopeModel::getName)
                .filter(name -> !scopes.contains(name))
                .forEach(scopes::add);
        return scopes;
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
