package org.pscfederator.demorp;

import java.io.IOException;
import java.text.ParseException;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Checks what PSC signed before anything is read from it: the ID token (OpenID Connect Core 3.1.3.7) and the signed
 * userinfo, against the keys of PSC's JWKS. Only asymmetric algorithms are accepted (never {@code none} nor a
 * shared-secret HMAC); the keys are fetched again once when a token names a key not seen yet (PSC rotated its keys).
 */
final class TokenVerifier {

    /** What PSC may sign with (RS256 by default). */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);

    /** Where the keys come from: PSC's jwks_uri. */
    interface KeySource {
        String fetch() throws IOException, InterruptedException;
    }

    private final String issuer;
    private final String clientId;
    private final KeySource keySource;
    private volatile JWKSet keys;

    TokenVerifier(String issuer, String clientId, KeySource keySource) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.keySource = keySource;
    }

    /**
     * The ID token: PSC's signature, issuer, audience (this client), expiry, the nonce of this login, and
     * {@code acr=eidas1} (the level PSC asserts; a token without it did not come from the login we asked for).
     */
    JWTClaimsSet verifyIdToken(String idToken, String nonce) throws IOException, InterruptedException {
        JWTClaimsSet claims = verify(idToken, new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", nonce)
                .claim("acr", LoginAttempt.ACR).build(), Set.of("sub", "iat", "exp"));
        Object azp = claims.getClaim("azp");
        if (azp != null && !clientId.equals(azp)) {
            throw new IOException("the ID token was issued to " + azp + ", not to this client");
        }
        return claims;
    }

    /** The signed userinfo: PSC's signature, issuer, audience, and the same subject as the ID token. */
    JWTClaimsSet verifyUserInfo(String userinfo, String subject) throws IOException, InterruptedException {
        return verify(userinfo, new JWTClaimsSet.Builder().issuer(issuer).subject(subject).build(), Set.of("sub"));
    }

    private JWTClaimsSet verify(String jwt, JWTClaimsSet exact, Set<String> required)
            throws IOException, InterruptedException {
        try {
            return processor(keys(false), exact, required).process(jwt, null);
        } catch (BadJOSEException e) {
            if (!String.valueOf(e.getMessage()).contains("no matching key")) {
                throw new IOException("refused a token from PSC: " + e.getMessage());
            }
        } catch (ParseException | JOSEException e) {
            throw new IOException("refused a token from PSC: " + e.getMessage());
        }
        try {
            return processor(keys(true), exact, required).process(jwt, null);
        } catch (BadJOSEException | ParseException | JOSEException e) {
            throw new IOException("refused a token from PSC: " + e.getMessage());
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor(JWKSet jwks, JWTClaimsSet exact, Set<String> required) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(jwks)));
        // The audience must name this client; exp is checked with nimbus' default clock skew of 60 s.
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId, exact, required));
        return processor;
    }

    private JWKSet keys(boolean refresh) throws IOException, InterruptedException {
        if (keys == null || refresh) {
            try {
                keys = JWKSet.parse(keySource.fetch());
            } catch (ParseException e) {
                throw new IOException("PSC's JWKS is unreadable: " + e.getMessage());
            }
        }
        return keys;
    }
}
