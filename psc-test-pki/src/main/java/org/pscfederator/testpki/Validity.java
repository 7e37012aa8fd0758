package org.pscfederator.testpki;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** When an issued certificate is valid, relative to now: normally, already over, or not begun (to test refusals). */
public enum Validity {
    NORMAL,
    EXPIRED,
    NOT_YET_VALID;

    /** The validity period of a certificate lasting {@code days}, seen from {@code now}; whole seconds as X.509 has. */
    ValidityPeriod period(Instant now, int days) {
        Instant start = now.truncatedTo(ChronoUnit.SECONDS);
        Duration length = Duration.ofDays(days);
        return switch (this) {
            case NORMAL -> new ValidityPeriod(start.minus(SandboxProfile.CLOCK_SKEW), start.plus(length));
            case EXPIRED -> {
                Instant notAfter = start.minus(Duration.ofDays(1));
                yield new ValidityPeriod(notAfter.minus(length), notAfter);
            }
            case NOT_YET_VALID -> {
                Instant notBefore = start.plus(Duration.ofDays(1));
                yield new ValidityPeriod(notBefore, notBefore.plus(length));
            }
        };
    }

    record ValidityPeriod(Instant notBefore, Instant notAfter) {
    }
}
