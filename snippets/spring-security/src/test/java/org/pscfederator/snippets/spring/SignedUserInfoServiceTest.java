package org.pscfederator.snippets.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * What the signed-userinfo service lets through: a userinfo JWT signed by the realm's key, from PSC, for this client,
 * about the ID token's subject (OpenID Connect Core 1.0 section 5.3.2). Anything else is refused before a claim is read.
 */
class SignedUserInfoServiceTest {

    private static final String ISSUER = "https://localhost:8443/auth/realms/esante-wallet";
    private static final String CLIENT = "my-service";
    private static final String SUBJECT = "f:abc:899700366240";
    private static final KeyPair REALM_KEY = rsaKey();

    private final SignedUserInfoService service = new SignedUserInfoService(null, registration -> NimbusJwtDecoder
            .withPublicKey((RSAPublicKey) REALM_KEY.getPublic()).signatureAlgorithm(SignatureAlgorithm.RS256).build());

    @Test
    void aUserinfoSignedByTheRealmForThisClientAboutTheIdTokensSubjectGivesTheProfessional() throws Exception {
        OidcUser professional = service.user(request(), signed(REALM_KEY, claims().build()));

        assertThat(professional.getName()).isEqualTo("899700366240");
        assertThat(professional.getUserInfo().getClaimAsString("SubjectOrganization")).isEqualTo("CABINET M DOC0036624");
    }

    @Test
    void aUserinfoSignedByAnotherKeyIsRefused() throws Exception {
        assertRefused(signed(rsaKey(), claims().build()), "invalid signature");
    }

    @Test
    void anUnsignedUserinfoIsRefused() {
        assertRefused(new PlainJWT(claims().build()).serialize(), "signature or claims");
    }

    @Test
    void aUserinfoFromAnotherIssuerIsRefused() throws Exception {
        assertRefused(signed(REALM_KEY, claims().issuer("https://evil.example/auth/realms/esante-wallet").build()),
                "another issuer");
    }

    @Test
    void aUserinfoForAnotherClientIsRefused() throws Exception {
        assertRefused(signed(REALM_KEY, claims().audience("another-service").build()), "another audience");
    }

    @Test
    void aUserinfoAboutAnotherProfessionalIsRefused() throws Exception {
        assertRefused(signed(REALM_KEY, claims().subject("f:abc:899700218896").build()), "another subject");
    }

    @Test
    void anExpiredUserinfoIsRefused() throws Exception {
        assertRefused(signed(REALM_KEY, claims().expirationTime(Date.from(Instant.now().minusSeconds(3600))).build()),
                "expired");
    }

    private void assertRefused(String userInfo, String reason) {
        assertThatThrownBy(() -> service.user(request(), userInfo))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .satisfies(refused -> assertThat(((OAuth2AuthenticationException) refused).getError().getErrorCode())
                        .isEqualTo("invalid_user_info_response"))
                .satisfies(refused -> assertThat(((OAuth2AuthenticationException) refused).getError().getDescription())
                        .containsIgnoringCase(reason));
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT).subject(SUBJECT)
                .claim("SubjectNameID", "899700366240").claim("SubjectOrganization", "CABINET M DOC0036624");
    }

    private static String signed(KeyPair key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static OidcUserRequest request() {
        ClientRegistration registration = ClientRegistration.withRegistrationId("psc").clientId(CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.TLS_CLIENT_AUTH)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://localhost:3000/login/oauth2/code/psc").scope("openid", "scope_all")
                .issuerUri(ISSUER).authorizationUri("https://localhost:8443/auth")
                .tokenUri(ISSUER + "/protocol/openid-connect/token")
                .userInfoUri(ISSUER + "/protocol/openid-connect/userinfo").userNameAttributeName("SubjectNameID")
                .jwkSetUri(ISSUER + "/protocol/openid-connect/certs").build();
        Instant now = Instant.now();
        OidcIdToken idToken = new OidcIdToken("id-token", now, now.plusSeconds(120),
                Map.of("iss", ISSUER, "sub", SUBJECT, "aud", List.of(CLIENT), "SubjectNameID", "899700366240"));
        return new OidcUserRequest(registration,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", now, now.plusSeconds(120)),
                idToken);
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
