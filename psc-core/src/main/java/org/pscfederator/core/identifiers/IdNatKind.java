package org.pscfederator.core.identifiers;

/**
 * The registry an idNat comes from, and the shape of the identifier after its prefix. Which prefix leads to which
 * kind is data ({@code identifiers/idnat-prefixes.csv}); how each kind's identifier is checked is here.
 */
public enum IdNatKind {

    /** RPPS number: 11 digits, the last the Luhn key of the first 10. */
    RPPS {
        @Override
        String problemWith(String registryId) {
            if (registryId.length() != RppsNumber.LENGTH || !allDigits(registryId)) {
                return "an RPPS number has 11 digits, found '" + registryId + "'";
            }
            if (!RppsNumber.hasValidKey(registryId)) {
                return "wrong Luhn key in RPPS number " + registryId + " (the key of "
                        + registryId.substring(0, RppsNumber.LENGTH - 1) + " is "
                        + RppsNumber.luhnKey(registryId.substring(0, RppsNumber.LENGTH - 1)) + ")";
            }
            return null;
        }
    },

    /** ADELI number: 9 digits. ADELI has no key we could check. */
    ADELI {
        @Override
        String problemWith(String registryId) {
            return registryId.length() == 9 && allDigits(registryId) ? null
                    : "an ADELI number has 9 digits, found '" + registryId + "'";
        }
    },

    /** Staff of a structure (CPE/CPA card holders): {@code <structure identifier>/<internal identifier>}. */
    STRUCTURE_STAFF {
        @Override
        String problemWith(String registryId) {
            int slash = registryId.indexOf('/');
            if (slash < 0 || slash != registryId.lastIndexOf('/')) {
                return "a structure staff identifier is <structure>/<internal id> with one '/', found '"
                        + registryId + "'";
            }
            String structure = registryId.substring(0, slash);
            String internal = registryId.substring(slash + 1);
            if (!isToken(structure, false) || !isToken(internal, true)) {
                return "a structure staff identifier has upper-case letters and digits on each side of '/' (at most "
                        + MAX_PART + " each), found '" + registryId + "'";
            }
            return null;
        }
    },

    /** Test identity made by ANS's EDIT tool, e.g. {@code ANS20231122132732}: a 14-digit timestamp. */
    EDIT {
        @Override
        String problemWith(String registryId) {
            return registryId.length() == 14 && allDigits(registryId) ? null
                    : "an EDIT test identity has 14 digits after its prefix, found '" + registryId + "'";
        }
    };

    private static final int MAX_PART = 40;

    /** Why {@code registryId} (the idNat without its prefix) is not valid for this kind, or null when it is. */
    abstract String problemWith(String registryId);

    static boolean allDigits(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isToken(String s, boolean allowDashAndUnderscore) {
        if (s.isEmpty() || s.length() > MAX_PART) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Upper case only: usernames are looked up in upper case, so a lower-case idNat could never log in.
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                    || (allowDashAndUnderscore && (c == '-' || c == '_'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
