package org.pscfederator.keycloak.space;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.ws.rs.core.HttpHeaders;

import org.keycloak.models.UserSessionModel;

/**
 * Against forged form posts (CSRF): every form of the space carries a token drawn for the login session and kept in
 * it, and every post must carry it back and come from the space's own origin ({@code Origin}, or
 * {@code Sec-Fetch-Site: same-origin} when the browser's {@code Origin} is {@code null}).
 */
final class FormGuard {

    static final String FIELD = "psc_csrf";
    private static final String NOTE = "psc.space.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SAME_ORIGIN = "same-origin";

    private FormGuard() {
    }

    /** The session's token, drawn on its first page of the space. */
    static String tokenOf(UserSessionModel userSession) {
        String token = userSession.getNote(NOTE);
        if (token == null || token.isEmpty()) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            userSession.setNote(NOTE, token);
        }
        return token;
    }

    /** True if the post comes from a page of the space shown in this session. */
    static boolean allows(UserSessionModel userSession, HttpHeaders headers, URI baseUri, String sentToken) {
        return allows(userSession.getNote(NOTE), baseUri.getScheme() + "://" + baseUri.getRawAuthority(),
                headers.getHeaderString("Origin"), headers.getHeaderString("Sec-Fetch-Site"), sentToken);
    }

    /**
     * The rule itself: the session's token, always; then where the post comes from. A browser names the page's origin
     * in {@code Origin}, which must be the space's; under the realm's {@code Referrer-Policy: no-referrer} it sends
     * {@code Origin: null} instead, and then (or without {@code Origin}) {@code Sec-Fetch-Site} must say
     * {@code same-origin}. A browser that sends {@code Sec-Fetch-Site} must say {@code same-origin} in any case.
     */
    static boolean allows(String sessionToken, String ownOrigin, String origin, String fetchSite, String sentToken) {
        if (sessionToken == null || sessionToken.isEmpty() || sentToken == null
                || !MessageDigest.isEqual(sessionToken.getBytes(StandardCharsets.UTF_8),
                        sentToken.getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        if (fetchSite != null && !fetchSite.equals(SAME_ORIGIN)) {
            return false;
        }
        if (origin == null || origin.equals("null")) {
            return SAME_ORIGIN.equals(fetchSite);
        }
        return origin.equalsIgnoreCase(ownOrigin);
    }
}
