package org.pscfederator.demorp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
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
}
