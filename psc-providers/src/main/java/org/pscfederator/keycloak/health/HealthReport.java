package org.pscfederator.keycloak.health;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pscfederator.core.certificates.CrlStatus;
import org.pscfederator.core.settings.TrustUse;

/**
 * What PSC's operations health check found at one instant: a state per check, why, and each CA's CRL status.
 * Independent of readiness: a late CRL or an old directory is the same on every node, so taking nodes out of the
 * load balancer would only add an outage to a warning.
 */
public record HealthReport(Instant at, Map<Check, Result> checks, List<CaCrl> crls) {

    public enum Check {
        /** Every CA's CRL: warning when one is late or close to its refusal point, failing once one refuses. */
        CRL,
        /** The configured CRL locations: warning when one cannot be read (what was read before still counts). */
        CRL_SOURCE,
        /** The national directory: warning when older than the realm's pscDirectoryMaxAgeDays, failing unreadable. */
        DIRECTORY,
        /** The realm's trust and health settings: failing when one is missing or invalid. */
        SETTINGS;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum State {
        OK, WARNING, FAILING;

        public int value() {
            return ordinal();
        }

        State worst(State other) {
            return other.ordinal() > ordinal() ? other : this;
        }
    }

    /** A check's state and, when not OK, why (English, no personal data). */
    public record Result(State state, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** The CRL status of one CA of one trust use of the PSC realm. */
    public record CaCrl(TrustUse use, String ca, CrlStatus status) {
    }

    public HealthReport {
        checks = Map.copyOf(checks);
        crls = List.copyOf(crls);
    }

    /** The worst state of every check. */
    public State overall() {
        return checks.values().stream().map(Result::state).reduce(State.OK, State::worst);
    }
}
