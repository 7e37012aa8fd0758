package org.pscfederator.keycloak.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import org.pscfederator.core.certificates.CrlStatus;
import org.pscfederator.core.settings.TrustUse;
import org.pscfederator.keycloak.health.HealthReport.CaCrl;
import org.pscfederator.keycloak.health.HealthReport.Check;
import org.pscfederator.keycloak.health.HealthReport.Result;
import org.pscfederator.keycloak.health.HealthReport.State;

/**
 * Turns what was read of the PSC realm (each trust use's CRL statuses and unreadable locations, the directory's
 * activation, the settings' problems) into a {@link HealthReport}. No Keycloak here: the rules, unit-tested.
 */
final class HealthChecks {

    /** What one trust use gave: its CRL statuses and unreadable locations, or why its checks could not be built. */
    record TrustReading(List<CrlStatus> statuses, Map<String, String> unreadableLocations, String problem) {
        static TrustReading of(List<CrlStatus> statuses, Map<String, String> unreadableLocations) {
            return new TrustReading(List.copyOf(statuses), Map.copyOf(unreadableLocations), null);
        }

        static TrustReading failed(String problem) {
            return new TrustReading(List.of(), Map.of(), problem);
        }
    }

    /** The national directory: when its served generation was activated (empty: never), or why it was not read. */
    record DirectoryReading(Optional<Instant> activatedAt, String problem) {
    }

    private HealthChecks() {
    }

    static HealthReport report(Instant now, Map<TrustUse, TrustReading> trust, DirectoryReading directory,
            Duration directoryMaxAge, List<String> settingsProblems) {
        List<String> settings = new ArrayList<>(settingsProblems);
        List<String> crlProblems = new ArrayList<>();
        List<String> sourceProblems = new ArrayList<>();
        List<CaCrl> crls = new ArrayList<>();
        State crl = State.OK;
        for (Map.Entry<TrustUse, TrustReading> entry : trust.entrySet()) {
            TrustUse use = entry.getKey();
            TrustReading reading = entry.getValue();
            if (reading.problem() != null) {
                settings.add(use.name().toLowerCase(java.util.Locale.ROOT) + " trust: " + reading.problem());
                continue;
            }
            for (CrlStatus status : reading.statuses()) {
                crls.add(new CaCrl(use, commonName(status.issuer()), status));
                State state = switch (status.state()) {
                    case OK -> State.OK;
                    case WARNING -> State.WARNING;
                    case REFUSING, UNREADABLE -> State.FAILING;
                };
                if (state != State.OK) {
                    crlProblems.add(status.state() + " " + status.reason());
                }
                crl = crl.worst(state);
            }
            reading.unreadableLocations().forEach((location, why) -> sourceProblems.add(location + ": " + why));
        }
        Map<Check, Result> checks = new EnumMap<>(Check.class);
        checks.put(Check.CRL, new Result(crl, crlProblems));
        checks.put(Check.CRL_SOURCE, new Result(sourceProblems.isEmpty() ? State.OK : State.WARNING,
                sourceProblems));
        checks.put(Check.DIRECTORY, directory(now, directory, directoryMaxAge));
        checks.put(Check.SETTINGS, new Result(settings.isEmpty() ? State.OK : State.FAILING, settings));
        return new HealthReport(now, checks, crls);
    }

    private static Result directory(Instant now, DirectoryReading directory, Duration maxAge) {
        if (directory.problem() != null) {
            return new Result(State.FAILING, List.of("the directory cannot be read: " + directory.problem()));
        }
        if (directory.activatedAt().isEmpty()) {
            return new Result(State.WARNING, List.of("the national directory was never imported"));
        }
        Instant activated = directory.activatedAt().get();
        if (activated.plus(maxAge).isBefore(now)) {
            return new Result(State.WARNING, List.of("the national directory was imported on " + activated
                    + ", more than " + maxAge.toDays() + " days ago"));
        }
        return new Result(State.OK, List.of());
    }

    /** The CA's common name, for a metric's label; the whole name when it has none. */
    static String commonName(X500Principal name) {
        try {
            for (Rdn rdn : new LdapName(name.getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            // fall through to the whole name
        }
        return name.getName();
    }
}
