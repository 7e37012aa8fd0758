package org.pscfederator.demorp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One authorization request, as PSC wants it: {@code scope=openid scope_all} (every PSC claim), {@code acr_values=eidas1}
 * (PSC refuses other values), and the three values the relying service keeps until the browser comes back: a state
 * (against cross-site request forgery), a nonce (ties the ID token to this request) and a PKCE verifier (S256; only
 * its hash travels in the browser).
 */
record LoginAttempt(String state, String nonce, String codeVerifier) {

    static final String SCOPE = "openid scope_all";
    static final String ACR = "eidas1";
    private static final SecureRandom RANDOM = new SecureRandom();

    static LoginAttempt start() {
        return new LoginAttempt(random(32), random(32), random(48));
    }

    /** RFC 7636 S256: base64url(SHA-256(verifier)). */
    String codeChallenge() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(codeVerifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String authorizationUrl(PscEndpoints endpoints, String clientId, String redirectUri) {
        return endpoints.authorization() + "?response_type=code"
                + "&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(redirectUri)
                + "&scope=" + encode(SCOPE)
                + "&acr_values=" + ACR
                + "&state=" + state
                + "&nonce=" + nonce
                + "&code_challenge=" + codeChallenge()
                + "&code_challenge_method=S256";
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
