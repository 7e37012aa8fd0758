package org.pscfederator.keycloak.ecps;

import java.util.Locale;
import java.util.Optional;

/**
 * An identifier typed by a professional or sent by a device: digits and letters, with one '/' for structure staff,
 * at most 40 characters; upper-cased as the directory keeps them. Anything else is refused before any lookup.
 */
public final class IdNatInput {

    private static final String PATTERN = "[0-9A-Z]{1,30}(/[0-9A-Z]{1,20})?";

    private IdNatInput() {
    }

    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String value = typed.strip().toUpperCase(Locale.ROOT);
        return value.length() <= 40 && value.matches(PATTERN) ? Optional.of(value) : Optional.empty();
    }
}
