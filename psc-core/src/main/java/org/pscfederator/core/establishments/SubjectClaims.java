package org.pscfederator.core.establishments;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which claims of the establishment's ID token name the local account. {@code sub} for most providers; Entra ID's
 * {@code sub} differs per application, so its stable pair tenant and object ids is used there.
 */
public enum SubjectClaims {
    SUB("sub"),
    TID_OID("tid oid");

    /** The longest local subject kept; longer values are refused rather than cut. */
    public static final int MAX_LENGTH = 255;

    private final String wire;

    SubjectClaims(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<SubjectClaims> of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }

    /**
     * The local subject from the token's claims, or empty when one is absent, not a string, blank, too long or holds
     * a control character (nothing is guessed).
     */
    public Optional<String> subject(Function<String, Object> claims) {
        if (this == SUB) {
            return text(claims.apply("sub"));
        }
        Optional<String> tid = text(claims.apply("tid"));
        Optional<String> oid = text(claims.apply("oid"));
        if (tid.isEmpty() || oid.isEmpty() || tid.get().contains(":")) {
            return Optional.empty();
        }
        return text(tid.get() + ":" + oid.get());
    }

    private static Optional<String> text(Object value) {
        if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_LENGTH
                || text.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
