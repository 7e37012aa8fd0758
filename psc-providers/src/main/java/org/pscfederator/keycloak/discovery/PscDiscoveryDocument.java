package org.pscfederator.keycloak.discovery;

import java.util.List;
import java.util.Map;

import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;

/**
 * Pro Santé Connect's discovery document: Keycloak's OpenID configuration with what PSC advertises differently.
 */
final class PscDiscoveryDocument {

    /** PSC implements CIBA in poll mode only; Keycloak would also advertise ping. */
    static final List<String> BACKCHANNEL_DELIVERY_MODES = List.of("poll");

    /** PSC's only level of assurance; Keycloak would add its own levels "0" and "1", which PSC refuses. */
    static final List<String> ACR_VALUES = List.of("eidas1");

    /** The certificate-bound token and mTLS client authentication method that relying services use. */
    static final String TLS_CLIENT_AUTH = "tls_client_auth";

    private PscDiscoveryDocument() {
    }

    /** The sandbox's notice that client secrets are a sandbox relaxation (realm attribute pscClientSecretAllowed). */
    static final String SANDBOX_FIELD = "psc_sandbox";

    static OIDCConfigurationRepresentation apply(OIDCConfigurationRepresentation keycloakDocument) {
        return apply(keycloakDocument, false);
    }

    static OIDCConfigurationRepresentation apply(OIDCConfigurationRepresentation keycloakDocument,
            boolean clientSecretAllowed) {
        keycloakDocument.setBackchannelTokenDeliveryModesSupported(BACKCHANNEL_DELIVERY_MODES);
        keycloakDocument.setAcrValuesSupported(ACR_VALUES);
        keycloakDocument.setTlsClientCertificateBoundAccessTokens(Boolean.TRUE);
        List<String> authMethods = keycloakDocument.getTokenEndpointAuthMethodsSupported();
        if (authMethods == null || !authMethods.contains(TLS_CLIENT_AUTH)) {
            // Keycloak advertises it whenever its X.509 client authenticator is installed; a server without it is misbuilt.
            throw new IllegalStateException("Keycloak does not offer tls_client_auth; the psc-org-mtls client authenticator is missing");
        }
        // Keycloak lists each authenticator's methods; its own client-x509 and psc-org-mtls both give tls_client_auth.
        keycloakDocument.setTokenEndpointAuthMethodsSupported(authMethods.stream().distinct().toList());
        if (keycloakDocument.getIntrospectionEndpointAuthMethodsSupported() != null) {
            keycloakDocument.setIntrospectionEndpointAuthMethodsSupported(
                    keycloakDocument.getIntrospectionEndpointAuthMethodsSupported().stream().distinct().toList());
        }
        if (clientSecretAllowed) {
            keycloakDocument.setOtherClaims(SANDBOX_FIELD, Map.of(
                    "client_secret_allowed", true,
                    "note", "sandbox only: a relying service may authenticate with its client secret here for quick"
                            + " trials; Pro Santé Connect's trusted space requires tls_client_auth with an IGC-Santé"
                            + " ORG AUTH_CLI certificate, and the production realm refuses client secrets"));
        }
        return keycloakDocument;
    }
}
