package org.pscfederator.core.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What values a realm setting accepts, said once for the parser and for the documentation. */
public sealed interface Range {

    /** Throws {@link IllegalArgumentException} saying why the (stripped, non-blank) value is outside the range. */
    void check(String value);

    /** For the documentation table. */
    String describe();

    static Range number(int min, int max) {
        return new Number(min, max);
    }

    static Range oneOf(String... values) {
        return new OneOf(List.of(values));
    }

    static Range flag() {
        return new OneOf(List.of("true", "false"));
    }

    /** A value checked when it is used (PEM certificates: the trust policy reads them). */
    static Range text(String description) {
        return new Text(description);
    }

    static Range oid() {
        return new Oid();
    }

    static Range locations() {
        return new Locations();
    }

    static Range patternWithGroup() {
        return new PatternWithGroup();
    }

    record Number(int min, int max) implements Range {
        @Override
        public void check(String value) {
            int parsed;
            try {
                parsed = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
            }
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException("must be from " + min + " to " + max);
            }
        }

        @Override
        public String describe() {
            return min + " to " + max;
        }
    }

    record OneOf(List<String> values) implements Range {
        @Override
        public void check(String value) {
            if (!values.contains(value)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", values));
            }
        }

        @Override
        public String describe() {
            return String.join(" or ", values.stream().map(v -> "`" + v + "`").toList());
        }
    }

    record Text(String description) implements Range {
        @Override
        public void check(String value) {
        }

        @Override
        public String describe() {
            return description;
        }
    }

    record Oid() implements Range {
        private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

        @Override
        public void check(String value) {
            if (!OID.matcher(value).matches()) {
                throw new IllegalArgumentException("must be an object identifier, digits and dots");
            }
        }

        @Override
        public String describe() {
            return "an object identifier (dotted digits)";
        }
    }

    record Locations() implements Range {
        @Override
        public void check(String value) {
            for (String location : Arrays.stream(value.split(",")).map(String::strip).toList()) {
                String lower = location.toLowerCase(Locale.ROOT);
                // Empty items are skipped (a trailing comma); any scheme but http(s) would be read as a file name.
                if (lower.contains("://") && !lower.startsWith("http://") && !lower.startsWith("https://")) {
                    throw new IllegalArgumentException("must be comma-separated files or http(s) URLs");
                }
            }
        }

        @Override
        public String describe() {
            return "comma-separated files or http(s) URLs";
        }
    }

    record PatternWithGroup() implements Range {
        @Override
        public void check(String value) {
            try {
                if (Pattern.compile(value).matcher("").groupCount() < 1) {
                    throw new IllegalArgumentException("must have a group 1, the idNat");
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("is not a regular expression: " + e.getDescription());
            }
        }

        @Override
        public String describe() {
            return "a regular expression whose group 1 is the idNat";
        }
    }
}
