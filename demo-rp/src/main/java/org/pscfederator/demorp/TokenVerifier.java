package org.pscfederator.demorp;

import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
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

    /** The event a logout token carries (OpenID Connect Back-Channel Logout 1.0 section 2.4). */
    static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";
    /** How old a logout token may be (its iat); PSC sends it as the session ends, and its exp is two minutes. */
    static final Duration LOGOUT_TOKEN_MAX_AGE = Duration.ofMinutes(2);
    /** nimbus' default clock skew, for the iat of a logout token as for exp. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** The logout token's JWS typ: none, JWT, or the explicit type the specification recommends (section 2.4). */
    private static final DefaultJOSEObjectTypeVerifier<SecurityContext> LOGOUT_TYPES =
            new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null, new JOSEObjectType("logout+jwt"));

    /** What a verified logout token names: the PSC session ({@code sid}), the subject, or both; and its jti. */
    record LogoutToken(String sessionId, String subject, String jti, Instant issuedAt) {
    }

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

    /**
     * A logout token (OpenID Connect Back-Channel Logout 1.0 section 2.6): PSC's signature, issuer, audience (this
     * client), {@code iat} no older than {@link #LOGOUT_TOKEN_MAX_AGE} nor in the future, {@code exp} if present,
     * a {@code jti}, the back-channel logout event (a JSON object), a {@code sid} or a {@code sub}, and no
     * {@code nonce} (so that an ID token cannot pass for a logout token).
     */
    LogoutToken verifyLogoutToken(String logoutToken) throws IOException, InterruptedException {
        JWTClaimsSet claims = verify(logoutToken, new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("iat", "jti", "events"), LOGOUT_TYPES);
        try {
            if (claims.getClaim("nonce") != null) {
                throw new IOException("a logout token carries no nonce");
            }
            Map<String, Object> events = claims.getJSONObjectClaim("events");
            if (events == null || !(events.get(BACKCHANNEL_LOGOUT_EVENT) instanceof Map)) {
                throw new IOException("the logout token lacks the back-channel logout event");
            }
            String sid = claims.getStringClaim("sid");
            String sub = claims.getSubject();
            if (sid == null && sub == null) {
                throw new IOException("the logout token names neither a session (sid) nor a subject (sub)");
            }
            Instant issuedAt = claims.getIssueTime().toInstant();
            Instant now = Instant.now();
            if (issuedAt.isBefore(now.minus(LOGOUT_TOKEN_MAX_AGE)) || issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
                throw new IOException("the logout token's iat (" + issuedAt + ") is not of the last "
                        + LOGOUT_TOKEN_MAX_AGE.toMinutes() + " minutes");
            }
            return new LogoutToken(sid, sub, claims.getJWTID(), issuedAt);
        } catch (ParseException e) {
            throw new IOException("refused a logout token: " + e.getMessage());
        }
    }

    private JWTClaimsSet verify(String jwt, JWTClaimsSet exact, Set<String> required)
            throws IOException, InterruptedException {
        return verify(jwt, exact, required, null);
    }

    /** {@code types}: the JWS typ values accepted; null for nimbus' default (none or JWT). */
    private JWTClaimsSet verify(String jwt, JWTClaimsSet exact, Set<String> required,
            DefaultJOSEObjectTypeVerifier<SecurityContext> types) throws IOException, InterruptedException {
        try {
            return processor(keys(false), exact, required, types).process(jwt, null);
        } catch (BadJOSEException e) {
            if (!String.valueOf(e.getMessage()).contains("no matching key")) {
                throw new IOException("refused a token from PSC: " + e.getMessage());
            }
        } catch (ParseException | JOSEException e) {
            throw new IOException("refused a token from PSC: " + e.getMessage());
        }
        try {
            return processor(keys(true), exact, required, types).process(jwt, null);
        } catch (BadJOSEException | ParseException | JOSEException e) {
            throw new IOException("refused a token from PSC: " + e.getMessage());
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor(JWKSet jwks, JWTClaimsSet exact, Set<String> required,
            DefaultJOSEObjectTypeVerifier<SecurityContext> types) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        if (types != null) {
            processor.setJWSTypeVerifier(types);
        }
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
