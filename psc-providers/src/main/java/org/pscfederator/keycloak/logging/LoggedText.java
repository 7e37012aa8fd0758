package org.pscfederator.keycloak.logging;

/**
 * Text from outside (a certificate, a form, a header, a request parameter) as it may stand in a server log line: CR,
 * LF and every other control or line-breaking character escaped, backslash doubled so that an escape cannot be
 * forged, and the length bounded. A card whose CN holds a newline then cannot write a line of its own into the log.
 */
public final class LoggedText {

    /** Characters kept of a value; a certificate's subject or an error message fits, a pasted file does not. */
    static final int MAX_LENGTH = 300;

    private LoggedText() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        int kept = Math.min(text.length(), MAX_LENGTH);
        StringBuilder logged = new StringBuilder(kept + 16);
        for (int i = 0; i < kept; i++) {
            append(logged, text.charAt(i));
        }
        if (text.length() > kept) {
            logged.append("...(").append(text.length() - kept).append(" more characters)");
        }
        return logged.toString();
    }

    private static void append(StringBuilder logged, char c) {
        switch (c) {
            case '\\' -> logged.append("\\\\");
            case '\n' -> logged.append("\\n");
            case '\r' -> logged.append("\\r");
            case '\t' -> logged.append("\\t");
            default -> {
                if (Character.isISOControl(c) || isLineOrFormatCharacter(c)) {
                    logged.append(String.format("\\u%04x", (int) c));
                } else {
                    logged.append(c);
                }
            }
        }
    }

    /** U+2028/U+2029 break lines in some log viewers; format characters (bidi overrides) reorder what is shown. */
    private static boolean isLineOrFormatCharacter(char c) {
        int type = Character.getType(c);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT;
    }
}
