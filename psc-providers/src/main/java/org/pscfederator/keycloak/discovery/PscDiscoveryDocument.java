package org.pscfederator.keycloak.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.pscfederator.core.claims.PscClaim;

/**
 * Pro Santé Connect's discovery document: Keycloak's OpenID configuration, with each list cut down to what the realm
 * accepts. Libraries pick a method from these lists, so a method listed and then refused breaks an integration.
 */
final class PscDiscoveryDocument {

    /** PSC implements CIBA in poll mode only; Keycloak would also advertise ping. */
    static final List<String> BACKCHANNEL_DELIVERY_MODES = List.of("poll");

    /** PSC's only level of assurance; Keycloak would add its own levels "0" and "1", which PSC refuses. */
    static final List<String> ACR_VALUES = List.of("eidas1");

    /** The certificate-bound token and mTLS client authentication method that relying services use. */
    static final String TLS_CLIENT_AUTH = "tls_client_auth";

    /** Where the realm allows secrets (sandbox), Keycloak's secret authenticator reads them in these two forms only. */
    static final List<String> CLIENT_SECRET_METHODS = List.of("client_secret_basic", "client_secret_post");

    /** Relying services get codes only: clients are registered without the implicit flow. */
    static final List<String> RESPONSE_TYPES = List.of("code");

    /** PKCE: clients are registered with S256 (the production realm enforces it); plain is refused. */
    static final List<String> CODE_CHALLENGE_METHODS = List.of("S256");

    static final List<String> GRANT_TYPES = List.of("authorization_code", "refresh_token",
            "urn:openid:params:grant-type:ciba");

    /** The standard claims the tokens and userinfo carry (profile from the directory's names, acr and amr). */
    static final List<String> STANDARD_CLAIMS = List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "acr", "amr",
            "given_name", "family_name", "name", "preferred_username");

    /** The sandbox's notice that client secrets are a sandbox relaxation (realm attribute pscClientSecretAllowed). */
    static final String SANDBOX_FIELD = "psc_sandbox";

    private PscDiscoveryDocument() {
    }

    /** What the realm offers that the document lists. */
    record RealmOffer(boolean clientSecretAllowed, List<String> scopes) {
    }

    static OIDCConfigurationRepresentation apply(OIDCConfigurationRepresentation keycloakDocument, RealmOffer realm) {
        List<String> keycloakMethods = keycloakDocument.getTokenEndpointAuthMethodsSupported();
        if (keycloakMethods == null || !keycloakMethods.contains(TLS_CLIENT_AUTH)) {
            // Keycloak advertises it whenever its X.509 client authenticator is installed; a server without it is misbuilt.
            throw new IllegalStateException("Keycloak does not offer tls_client_auth; the psc-org-mtls client authenticator is missing");
        }
        List<String> authMethods = new ArrayList<>(List.of(TLS_CLIENT_AUTH));
        if (realm.clientSecretAllowed()) {
            authMethods.addAll(CLIENT_SECRET_METHODS);
        }
        keycloakDocument.setTokenEndpointAuthMethodsSupported(authMethods);
        keycloakDocument.setIntrospectionEndpointAuthMethodsSupported(authMethods);
        keycloakDocument.setRevocationEndpointAuthMethodsSupported(authMethods);
        // Signing algorithms of client assertions (private_key_jwt, client_secret_jwt), which no realm accepts.
        keycloakDocument.setTokenEndpointAuthSigningAlgValuesSupported(null);
        keycloakDocument.setIntrospectionEndpointAuthSigningAlgValuesSupported(null);
        keycloakDocument.setRevocationEndpointAuthSigningAlgValuesSupported(null);
        keycloakDocument.setBackchannelTokenDeliveryModesSupported(BACKCHANNEL_DELIVERY_MODES);
        keycloakDocument.setAcrValuesSupported(ACR_VALUES);
        keycloakDocument.setTlsClientCertificateBoundAccessTokens(Boolean.TRUE);
        keycloakDocument.setResponseTypesSupported(RESPONSE_TYPES);
        keycloakDocument.setCodeChallengeMethodsSupported(CODE_CHALLENGE_METHODS);
        keycloakDocument.setGrantTypesSupported(GRANT_TYPES);
        keycloakDocument.setScopesSupported(realm.scopes());
        List<String> claims = new ArrayList<>(STANDARD_CLAIMS);
        claims.addAll(PscClaim.wireNames());
        keycloakDocument.setClaimsSupported(claims);
        if (realm.clientSecretAllowed()) {
            keycloakDocument.setOtherClaims(SANDBOX_FIELD, Map.of(
                    "client_secret_allowed", true,
                    "note", "sandbox only: a relying service may authenticate with its client secret here for quick"
                            + " trials; Pro Santé Connect's trusted space requires tls_client_auth with an IGC-Santé"
                            + " ORG AUTH_CLI certificate, and the production realm refuses client secrets"));
        }
        return keycloakDocument;
    }
}
