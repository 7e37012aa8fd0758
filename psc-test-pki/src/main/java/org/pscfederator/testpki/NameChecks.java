package org.pscfederator.testpki;

/** Checks on the free-text parts of a subject name (given name, organisation...): what X.520 and a file line allow. */
final class NameChecks {

    /** X.520 upper bound of the name attributes used here. */
    static final int MAX_LENGTH = 64;

    private NameChecks() {
    }

    /** Trimmed text, or null when absent or blank. */
    static String optional(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.codePoints().count() > MAX_LENGTH) {
            throw PkiException.badInput(what + " is longer than " + MAX_LENGTH + " characters: " + PkiException.quote(text));
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw PkiException.badInput(what + " contains control characters: " + PkiException.quote(text));
        }
        return text;
    }

    static int validityDays(int days) {
        if (days < 1 || days > 36500) {
            throw PkiException.badInput("validity must be between 1 and 36500 days, not " + days);
        }
        return days;
    }
}
