package org.pscfederator.core.certificates;

import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

/**
 * When a CA's CRL stops counting, and where it stands now: the one rule card login, relying-service authentication,
 * the health check, the metrics and the command-line tools share. A CRL counts until its refusal point,
 * {@code nextUpdate + grace}; past it, certificates of that CA are refused (fail closed) until a newer CRL is read.
 * A CRL without a next update, or dated in the future beyond the allowed clock skew, does not count at all.
 * <p>
 * States, from best to worst: {@link State#OK}; {@link State#WARNING} once the CRL is past its next update or within
 * the warning window of its refusal point (still accepted: operators have time to act); {@link State#REFUSING} once
 * it no longer counts; {@link State#UNREADABLE} when no CRL of that CA could be read at all (refused too).
 */
public final class CrlStatus {

    /** How far in the future a CRL's this-update may be, for clocks that differ a little between CA and server. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public enum State {
        OK, WARNING, REFUSING, UNREADABLE;

        /** Whether certificates of the CA are refused in this state. */
        public boolean refuses() {
            return this == REFUSING || this == UNREADABLE;
        }
    }

    private final X500Principal issuer;
    private final Instant thisUpdate;
    private final Instant nextUpdate;
    private final Instant refusalPoint;
    private final Instant at;
    private final State state;
    private final String reason;

    private CrlStatus(X500Principal issuer, Instant thisUpdate, Instant nextUpdate, Instant refusalPoint, Instant at,
            State state, String reason) {
        this.issuer = issuer;
        this.thisUpdate = thisUpdate;
        this.nextUpdate = nextUpdate;
        this.refusalPoint = refusalPoint;
        this.at = at;
        this.state = state;
        this.reason = reason;
    }

    /**
     * The status of {@code crl}, the CRL read for {@code issuer}, at the clock's instant.
     *
     * @param grace how long past its next update the CRL still counts (realm setting {@code pscCrlGraceHours})
     * @param warning how long before the refusal point the state turns to {@link State#WARNING}
     */
    public static CrlStatus of(X500Principal issuer, X509CRL crl, Duration grace, Duration warning, Clock clock) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(crl, "crl");
        if (grace.isNegative() || warning.isNegative()) {
            throw new IllegalArgumentException("grace and warning must not be negative");
        }
        Instant now = clock.instant();
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        Instant nextUpdate = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
        if (nextUpdate == null) {
            return new CrlStatus(issuer, thisUpdate, null, thisUpdate, now, State.REFUSING,
                    "the CRL of " + issuer + " gives no next update");
        }
        Instant refusalPoint = nextUpdate.plus(grace);
        if (thisUpdate.isAfter(now.plus(CLOCK_SKEW))) {
            return new CrlStatus(issuer, thisUpdate, nextUpdate, refusalPoint, now, State.REFUSING,
                    "the CRL of " + issuer + " is dated in the future (" + thisUpdate + ")");
        }
        if (now.isAfter(refusalPoint)) {
            return new CrlStatus(issuer, thisUpdate, nextUpdate, refusalPoint, now, State.REFUSING,
                    "the CRL of " + issuer + " is stale: next update was " + nextUpdate + ", grace " + grace);
        }
        if (now.isAfter(nextUpdate) || !now.isBefore(refusalPoint.minus(warning))) {
            return new CrlStatus(issuer, thisUpdate, nextUpdate, refusalPoint, now, State.WARNING,
                    "the CRL of " + issuer + " is late or close to it: refusals start at " + refusalPoint);
        }
        return new CrlStatus(issuer, thisUpdate, nextUpdate, refusalPoint, now, State.OK,
                "the CRL of " + issuer + " counts until " + refusalPoint);
    }

    /** No CRL of {@code issuer} could be read at the configured locations: its certificates are refused. */
    public static CrlStatus unreadable(X500Principal issuer, Clock clock) {
        Objects.requireNonNull(issuer, "issuer");
        Instant now = clock.instant();
        return new CrlStatus(issuer, null, null, null, now, State.UNREADABLE,
                "no CRL signed by " + issuer + " at the configured locations");
    }

    /** The CA whose CRL this is. */
    public X500Principal issuer() {
        return issuer;
    }

    /** The CRL's this-update; empty when no CRL was read. */
    public Optional<Instant> thisUpdate() {
        return Optional.ofNullable(thisUpdate);
    }

    /** The CRL's next update; empty when no CRL was read or the CRL gives none. */
    public Optional<Instant> nextUpdate() {
        return Optional.ofNullable(nextUpdate);
    }

    /**
     * The instant from which the CA's certificates are refused, {@code nextUpdate + grace}; for a CRL that never
     * counted (no next update), its this-update; empty when no CRL was read.
     */
    public Optional<Instant> refusalPoint() {
        return Optional.ofNullable(refusalPoint);
    }

    /**
     * Seconds from the status's instant to the refusal point: negative once refusals have started (for that long);
     * 0 when no CRL was read; for a CRL dated in the future, refusals have already started, so at most 0 too.
     */
    public long secondsUntilRefusal() {
        if (refusalPoint == null) {
            return 0;
        }
        long seconds = Duration.between(at, refusalPoint).getSeconds();
        return state.refuses() ? Math.min(seconds, 0) : seconds;
    }

    public State state() {
        return state;
    }

    /** Whether the CA's certificates are refused now. */
    public boolean refuses() {
        return state.refuses();
    }

    /** One English sentence for a log or an exception, naming the CA and the dates (no personal data). */
    public String reason() {
        return reason;
    }

    /** The instant this status describes. */
    public Instant at() {
        return at;
    }

    @Override
    public String toString() {
        return state + ": " + reason;
    }
}
