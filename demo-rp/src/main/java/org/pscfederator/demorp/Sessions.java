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
        /** PSC's session ({@code sid} of the ID token) and the professional's subject: what a logout token names. */
        volatile String pscSessionId;
        volatile String subject;
        volatile boolean loggedOut;

        /** The professional is logged out here; the browser's next page says so. */
        void end() {
            professional = null;
            claimsJson = null;
            idToken = null;
            pscSessionId = null;
            subject = null;
            loggedOut = true;
        }
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

    /**
     * Ends the sessions a logout token names (OpenID Connect Back-Channel Logout 1.0 section 2.7): with a
     * {@code sid}, the sessions of that PSC session (and of that subject when the token names one too); with a
     * {@code sub} only, every session of that professional. The number ended.
     */
    int endNamedBy(String pscSessionId, String subject) {
        int ended = 0;
        for (Session session : sessions.values()) {
            String sid = session.pscSessionId;
            String sub = session.subject;
            boolean named = pscSessionId != null ? pscSessionId.equals(sid) && (subject == null || subject.equals(sub))
                    : subject.equals(sub);
            if (named) {
                session.end();
                ended++;
            }
        }
        return ended;
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
