package org.pscfederator.snippets.spring;

import java.util.Map;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * PSC as a Spring Security client registration, read from PSC's discovery document. The token and userinfo calls go
 * to the mutual-TLS aliases ({@code mtls_endpoint_aliases}, RFC 8705 section 5), where the ORG certificate is
 * presented; the client authenticates with it ({@code tls_client_auth}) and PKCE is required.
 */
final class PscClientRegistration {

    static final String REGISTRATION_ID = "psc";
    private static final String DISCOVERY = "/.well-known/wallet-openid-configuration";

    private PscClientRegistration() {
    }

    @SuppressWarnings("unchecked")
    static ClientRegistration discover(PscProperties psc, RestClient tls) {
        Map<String, Object> metadata = tls.get().uri(psc.issuer() + DISCOVERY).retrieve().body(Map.class);
        if (metadata == null || !psc.issuer().equals(metadata.get("issuer"))) {
            // OpenID Connect Discovery 1.0 section 4.3: the document must name the issuer we asked.
            throw new IllegalStateException("discovery at " + psc.issuer() + " names another issuer");
        }
        Map<String, Object> mtls = (Map<String, Object>) metadata.get("mtls_endpoint_aliases");
        if (mtls == null) {
            throw new IllegalStateException("discovery at " + psc.issuer() + " has no mtls_endpoint_aliases");
        }
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(psc.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.TLS_CLIENT_AUTH)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "scope_all")
                .issuerUri(psc.issuer())
                .authorizationUri((String) metadata.get("authorization_endpoint"))
                .tokenUri((String) mtls.get("token_endpoint"))
                .userInfoUri((String) mtls.get("userinfo_endpoint"))
                .userNameAttributeName("SubjectNameID")
                .jwkSetUri((String) metadata.get("jwks_uri"))
                .providerConfigurationMetadata(metadata)
                .build();
    }
}
