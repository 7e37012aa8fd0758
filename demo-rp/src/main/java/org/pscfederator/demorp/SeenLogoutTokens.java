package org.pscfederator.demorp;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code jti} of every logout token accepted while it could still be accepted (its iat within
 * {@link TokenVerifier#LOGOUT_TOKEN_MAX_AGE}, plus the clock skew): the same token posted again is a replay
 * (OpenID Connect Back-Channel Logout 1.0 section 2.6, step 7). Past that age the token is refused for its iat anyway,
 * so its jti can be forgotten. Bounded: when full of live entries, new tokens are refused rather than any forgotten.
 */
final class SeenLogoutTokens {

    private static final Duration KEPT = TokenVerifier.LOGOUT_TOKEN_MAX_AGE.plusSeconds(120);
    private static final int MAX_KEPT = 10_000;

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    /** True the first time this jti is offered; false for a replay (or when too many are held to tell). */
    synchronized boolean firstUse(String jti, Instant issuedAt) {
        Instant now = Instant.now();
        seen.values().removeIf(forgetAt -> forgetAt.isBefore(now));
        if (seen.containsKey(jti) || seen.size() >= MAX_KEPT) {
            return false;
        }
        seen.put(jti, issuedAt.plus(KEPT));
        return true;
    }
}
