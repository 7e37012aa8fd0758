package org.pscfederator.discovery;

import java.util.List;

import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;

/**
 * Pro Santé Connect's discovery document: Keycloak's OpenID configuration with what PSC advertises differently.
 */
final class PscDiscoveryDocument {

    /** PSC implements CIBA in poll mode only; Keycloak would also advertise ping. */
    static final List<String> BACKCHANNEL_DELIVERY_MODES = List.of("poll");

    /** The certificate-bound token and mTLS client authentication method that relying services use. */
    static final String TLS_CLIENT_AUTH = "tls_client_auth";

    private PscDiscoveryDocument() {
    }

    static OIDCConfigurationRepresentation apply(OIDCConfigurationRepresentation keycloakDocument) {
        keycloakDocument.setBackchannelTokenDeliveryModesSupported(BACKCHANNEL_DELIVERY_MODES);
        keycloakDocument.setTlsClientCertificateBoundAccessTokens(Boolean.TRUE);
        List<String> authMethods = keycloakDocument.getTokenEndpointAuthMethodsSupported();
        if (authMethods == null || !authMethods.contains(TLS_CLIENT_AUTH)) {
            // Keycloak advertises it whenever its X.509 client authenticator is installed; a server without it is misbuilt.
            throw new IllegalStateException("Keycloak does not offer tls_client_auth; the X.509 client authenticator is missing");
        }
        return keycloakDocument;
    }
}
