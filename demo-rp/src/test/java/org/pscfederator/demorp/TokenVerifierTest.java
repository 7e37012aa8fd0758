package org.pscfederator.demorp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

class TokenVerifierTest {

    private static final String ISSUER = "https://localhost:8443/auth/realms/esante-wallet";
    private static final String CLIENT = "sandbox-rp";
    private RSAKey key;
    private final AtomicInteger fetches = new AtomicInteger();
    private TokenVerifier verifier;

    @BeforeEach
    void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        verifier = new TokenVerifier(ISSUER, CLIENT, () -> {
            fetches.incrementAndGet();
            return new JWKSet(key.toPublicJWK()).toString();
        });
    }

    private JWTClaimsSet.Builder idToken() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT).subject("f:abc:899700366240")
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 60_000))
                .claim("nonce", "n-1").claim("acr", "eidas1").claim("azp", CLIENT);
    }

    private String signed(JWTClaimsSet claims, RSAKey with) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    @Test
    void aGoodIdTokenIsAccepted() throws Exception {
        JWTClaimsSet claims = verifier.verifyIdToken(signed(idToken().build(), key), "n-1");

        assertThat(claims.getSubject()).isEqualTo("f:abc:899700366240");
    }

    @Test
    void anotherNonceAudienceIssuerAcrOrAnExpiredTokenIsRefused() throws Exception {
        assertThatThrownBy(() -> verifier.verifyIdToken(signed(idToken().build(), key), "n-2"))
                .hasMessageContaining("refused");
        assertThatThrownBy(() -> verifier.verifyIdToken(signed(idToken().audience("other").build(), key), "n-1"))
                .hasMessageContaining("refused");
        assertThatThrownBy(() -> verifier.verifyIdToken(signed(idToken().issuer("https://evil/realms/x").build(),
                key), "n-1")).hasMessageContaining("refused");
        assertThatThrownBy(() -> verifier.verifyIdToken(signed(idToken().claim("acr", "0").build(), key), "n-1"))
                .hasMessageContaining("refused");
        assertThatThrownBy(() -> verifier.verifyIdToken(signed(idToken().expirationTime(
                new Date(System.currentTimeMillis() - 600_000)).build(), key), "n-1")).hasMessageContaining("Expired JWT");
        assertThatThrownBy(() -> verifier.verifyIdToken(signed(idToken().claim("azp", "other").build(), key), "n-1"))
                .hasMessageContaining("issued to other");
    }

    @Test
    void aForeignSignatureOrAnHmacIsRefused() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).keyID("k1").generate();
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), idToken().build());
        hmac.sign(new MACSigner(new byte[32]));

        assertThatThrownBy(() -> verifier.verifyIdToken(signed(idToken().build(), forger), "n-1"))
                .hasMessageContaining("refused");
        assertThatThrownBy(() -> verifier.verifyIdToken(hmac.serialize(), "n-1")).hasMessageContaining("refused");
        assertThatThrownBy(() -> verifier.verifyIdToken("not.a.jwt", "n-1")).hasMessageContaining("refused");
    }

    @Test
    void aNewKeyOfPscIsFetchedOnce() throws Exception {
        verifier.verifyIdToken(signed(idToken().build(), key), "n-1");
        key = new RSAKeyGenerator(2048).keyID("k2").generate();

        verifier.verifyIdToken(signed(idToken().build(), key), "n-1");

        assertThat(fetches.get()).isEqualTo(2);
    }

    @Test
    void signedUserinfoMustBeAboutTheSameSubject() throws Exception {
        JWTClaimsSet userinfo = new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT)
                .subject("f:abc:899700366240").claim("SubjectNameID", "899700366240").build();

        assertThat(verifier.verifyUserInfo(signed(userinfo, key), "f:abc:899700366240")
                .getStringClaim("SubjectNameID")).isEqualTo("899700366240");
        assertThatThrownBy(() -> verifier.verifyUserInfo(signed(userinfo, key), "f:abc:899700218896"))
                .hasMessageContaining("refused");
    }

    private JWTClaimsSet.Builder logoutToken() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT).subject("f:abc:899700366240")
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 120_000))
                .jwtID("jti-1").claim("sid", "psc-session-1")
                .claim("events", Map.of(TokenVerifier.BACKCHANNEL_LOGOUT_EVENT, Map.of()));
    }

    /** OpenID Connect Back-Channel Logout 1.0 section 2.6. */
    @Test
    void aGoodLogoutTokenNamesItsSessionAndSubject() throws Exception {
        TokenVerifier.LogoutToken token = verifier.verifyLogoutToken(signed(logoutToken().build(), key));

        assertThat(token.sessionId()).isEqualTo("psc-session-1");
        assertThat(token.subject()).isEqualTo("f:abc:899700366240");
        assertThat(token.jti()).isEqualTo("jti-1");
        SignedJWT explicitlyTyped = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1")
                .type(new JOSEObjectType("logout+jwt")).build(), logoutToken().claim("sid", null).build());
        explicitlyTyped.sign(new RSASSASigner(key));
        assertThat(verifier.verifyLogoutToken(explicitlyTyped.serialize()).sessionId()).isNull();
    }

    @Test
    void aLogoutTokenMissingWhatTheSpecificationRequiresIsRefused() throws Exception {
        assertThatThrownBy(() -> verifier.verifyLogoutToken(signed(logoutToken().audience("other").build(), key)))
                .hasMessageContaining("refused");
        assertThatThrownBy(() -> verifier.verifyLogoutToken(signed(logoutToken().issuer("https://evil/realms/x")
                .build(), key))).hasMessageContaining("refused");
        assertThatThrownBy(() -> verifier.verifyLogoutToken(signed(logoutToken().claim("events", null).build(), key)))
                .hasMessageContaining("events");
        assertThatThrownBy(() -> verifier.verifyLogoutToken(signed(logoutToken()
                .claim("events", Map.of("http://schemas.openid.net/event/other", Map.of())).build(), key)))
                .hasMessageContaining("back-channel logout event");
        assertThatThrownBy(() -> verifier.verifyLogoutToken(signed(logoutToken()
                .claim("events", Map.of(TokenVerifier.BACKCHANNEL_LOGOUT_EVENT, "yes")).build(), key)))
                .hasMessageContaining("back-channel logout event");
        assertThatThrownBy(() -> verifier.verifyLogoutToken(signed(logoutToken().subject(null).claim("sid", null)
                .build(), key))).hasMessageContaining("neither a session");
        assertThatThrownBy(() -> verifier.verifyLogoutToken(signed(logoutToken().claim("nonce", "n-1").build(), key)))
                .hasMessageContaining("no nonce");
        assertThatThrownBy(() -> verifier.verifyLogoutToken(signed(logoutToken().jwtID(null).build(), key)))
                .hasMessageContaining("jti");
        assertThatThrownBy(() -> verifier.verifyLogoutToken(signed(logoutToken().issueTime(null).build(), key)))
                .hasMessageContaining("iat");
        assertThatThrownBy(() -> verifier.verifyLogoutToken(signed(logoutToken()
                .issueTime(new Date(System.currentTimeMillis() - 600_000)).expirationTime(null).build(), key)))
                .hasMessageContaining("iat");
        assertThatThrownBy(() -> verifier.verifyLogoutToken(signed(logoutToken()
                .issueTime(new Date(System.currentTimeMillis() + 600_000)).build(), key)))
                .hasMessageContaining("iat");
        assertThatThrownBy(() -> verifier.verifyLogoutToken(signed(logoutToken()
                .expirationTime(new Date(System.currentTimeMillis() - 600_000)).build(), key)))
                .hasMessageContaining("Expired JWT");
    }

    @Test
    void aForgedUnsignedOrIdTokenPassingForALogoutTokenIsRefused() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).keyID("k1").generate();
        String unsigned = new PlainJWT(logoutToken().build()).serialize();

        assertThatThrownBy(() -> verifier.verifyLogoutToken(signed(logoutToken().build(), forger)))
                .hasMessageContaining("refused");
        assertThatThrownBy(() -> verifier.verifyLogoutToken(unsigned)).hasMessageContaining("refused");
        assertThatThrownBy(() -> verifier.verifyLogoutToken(signed(idToken().jwtID("j").build(), key)))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aLogoutTokenIsUsedOnce() throws Exception {
        SeenLogoutTokens seen = new SeenLogoutTokens();
        java.time.Instant now = java.time.Instant.now();

        assertThat(seen.firstUse("jti-1", now)).isTrue();
        assertThat(seen.firstUse("jti-1", now)).isFalse();
        assertThat(seen.firstUse("jti-2", now)).isTrue();
    }
}
