package org.pscfederator.ecps.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The simulator page's anti-forgery token: random, drawn once per start, written into the page's form and required
 * back with every answer. Another site cannot read the page, so it cannot send it.
 */
final class PageToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private PageToken(String value) {
        this.value = value;
    }

    static PageToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new PageToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    String value() {
        return value;
    }

    /** In constant time, so the answer's timing says nothing of how much of a guess was right. */
    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }
}
