package org.pscfederator.core.identifiers;

import java.util.Objects;

/** An RPPS number: 11 digits, the last being the Luhn key of the first 10. */
public final class RppsNumber {

    public static final int LENGTH = 11;

    private final String value;

    private RppsNumber(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException when {@code value} is not 11 digits or its Luhn key is wrong */
    public static RppsNumber parse(String value) {
        String problem = IdNatKind.RPPS.problemWith(Objects.requireNonNull(value, "value"));
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new RppsNumber(value);
    }

    /** The RPPS number made of these 10 digits followed by their Luhn key (for test data and generators). */
    public static RppsNumber withKey(String firstTenDigits) {
        if (firstTenDigits.length() != LENGTH - 1 || !IdNatKind.allDigits(firstTenDigits)) {
            throw new IllegalArgumentException("an RPPS number without its key has 10 digits, found '"
                    + firstTenDigits + "'");
        }
        return new RppsNumber(firstTenDigits + luhnKey(firstTenDigits));
    }

    /** True when {@code digits} are all digits and pass the Luhn check (key last). */
    public static boolean hasValidKey(CharSequence digits) {
        int length = digits.length();
        return length >= 2 && IdNatKind.allDigits(digits)
                && luhnKey(digits, length - 1) == digits.charAt(length - 1) - '0';
    }

    /** The Luhn key (0-9) to append to {@code digits}. */
    public static int luhnKey(CharSequence digits) {
        return luhnKey(digits, digits.length());
    }

    private static int luhnKey(CharSequence digits, int length) {
        int sum = 0;
        // From the right of the payload, every other digit (starting with the last) is doubled.
        boolean doubled = true;
        for (int i = length - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit in '" + digits + "'");
            }
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RppsNumber && ((RppsNumber) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
