package org.pscfederator.demorp;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's browser sessions, in memory: a random id in a cookie (HttpOnly, Secure, SameSite=Lax), and on the server
 * the login under way (state, nonce, PKCE verifier) or the professional logged in. Sessions last an hour.
 */
final class Sessions {

    static final String COOKIE = "demo_rp_session";
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One browser's state. Tokens are kept only for logout's id_token_hint, never shown. */
    static final class Session {
        final Instant created = Instant.now();
        volatile LoginAttempt pending;
        volatile Professional professional;
        volatile String claimsJson;
        volatile String idToken;
        volatile boolean loggedOut;
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** A new session (a new id at each login, so an id seen before the login is worth nothing after it). */
    String create(Session session) {
        Instant oldest = Instant.now().minus(LIFETIME);
        sessions.values().removeIf(existing -> existing.created.isBefore(oldest));
        if (sessions.size() >= MAX_SESSIONS) {
            throw new IllegalStateException("too many sessions");
        }
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(key, session);
        return key;
    }

    Session find(String cookieHeader) {
        String id = cookie(cookieHeader);
        Session session = id == null ? null : sessions.get(id);
        if (session != null && session.created.isBefore(Instant.now().minus(LIFETIME))) {
            sessions.remove(id);
            return null;
        }
        return session;
    }

    static String setCookie(String id) {
        return COOKIE + "=" + id + "; Path=/; HttpOnly; Secure; SameSite=Lax";
    }

    private static String cookie(String header) {
        if (header == null) {
            return null;
        }
        for (String pair : header.split(";")) {
            String trimmed = pair.strip();
            if (trimmed.startsWith(COOKIE + "=")) {
                return trimmed.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }
}
