package org.pscfederator.core.identifiers;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The RPPS numbers the sandbox gives to the test professionals it creates one at a time ({@code bin/psc-identity}):
 * {@code 8} + {@code 9998} + six digits + the Luhn key. That range is apart from ANS's real numbers ({@code 1…},
 * {@code 2…}), from ANS's test numbers ({@code 997…}) and from the sandbox's shipped identities ({@code 99900000NN}),
 * so a created identity can never be taken for one of those.
 */
public final class TestIdentityRange {

    /** The RPPS numbers of the range start with this. */
    public static final String RPPS_START = "9998";
    private static final int FREE_DIGITS = RppsNumber.LENGTH - 1 - RPPS_START.length();
    private static final int SIZE = (int) Math.pow(10, FREE_DIGITS);

    private TestIdentityRange() {
    }

    /** An idNat of the range, drawn at random (the caller checks the directory does not have it yet). */
    public static IdNat draw(RandomGenerator random) {
        String digits = String.format(Locale.ROOT, "%0" + FREE_DIGITS + "d", random.nextInt(SIZE));
        RppsNumber rpps = RppsNumber.withKey(RPPS_START + digits);
        return IdNat.parse(rppsPrefix() + rpps.value());
    }

    /** True when {@code idNat} is a valid RPPS idNat of the range (prefix, length and Luhn key checked). */
    public static boolean contains(String idNat) {
        if (idNat == null || !idNat.startsWith(rppsPrefix() + RPPS_START)) {
            return false;
        }
        return IdNat.problemWith(idNat, IdNatPrefixes.standard()).isEmpty();
    }

    /** The RPPS prefix as the prefix table has it ({@code 8}). */
    private static String rppsPrefix() {
        return IdNatPrefixes.standard().of(IdNatKind.RPPS)
                .orElseThrow(() -> new IllegalStateException("the idNat prefix table has no RPPS row")).prefix();
    }
}
