package org.pscfederator.keycloak.health;

import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.Logger;
import org.pscfederator.core.certificates.CrlStatus;
import org.pscfederator.keycloak.health.HealthReport.CaCrl;
import org.pscfederator.keycloak.health.HealthReport.Check;
import org.pscfederator.keycloak.health.HealthReport.Result;
import org.pscfederator.keycloak.logging.LoggedText;

/**
 * Logs a check or a CA's CRL when its state changes, once, not at every check nor at every refused login: an error
 * when it fails, a warning when it warns, and when it is back to normal.
 */
final class StateChanges {

    private static final Logger LOG = Logger.getLogger(StateChanges.class);

    private final Map<Check, HealthReport.State> checks = new HashMap<>();
    private final Map<String, CrlStatus.State> crls = new HashMap<>();

    /** Logs what changed since the previous report; returns the number of lines logged. */
    synchronized int log(HealthReport report) {
        int logged = 0;
        for (Map.Entry<Check, Result> entry : report.checks().entrySet()) {
            HealthReport.State before = checks.put(entry.getKey(), entry.getValue().state());
            HealthReport.State now = entry.getValue().state();
            if (before == now || before == null && now == HealthReport.State.OK) {
                continue;
            }
            String line = "PSC health check " + entry.getKey().label() + ": " + now
                    + (before == null ? "" : " (was " + before + ")")
                    + (entry.getValue().problems().isEmpty() ? "" : ": " + String.join("; ",
                            entry.getValue().problems().stream().map(LoggedText::of).toList()));
            log(now, line);
            logged++;
        }
        for (CaCrl crl : report.crls()) {
            String key = crl.use() + "/" + crl.status().issuer().getName();
            CrlStatus.State before = crls.put(key, crl.status().state());
            CrlStatus.State now = crl.status().state();
            if (before == now || before == null && now == CrlStatus.State.OK) {
                continue;
            }
            HealthReport.State level = now.refuses() ? HealthReport.State.FAILING
                    : now == CrlStatus.State.WARNING ? HealthReport.State.WARNING : HealthReport.State.OK;
            log(level, "CRL of " + LoggedText.of(crl.ca()) + " (" + crl.use().name().toLowerCase(java.util.Locale.ROOT)
                    + "): " + now + (before == null ? "" : " (was " + before + ")") + ": "
                    + LoggedText.of(crl.status().reason()));
            logged++;
        }
        return logged;
    }

    private static void log(HealthReport.State state, String line) {
        switch (state) {
            case FAILING -> LOG.error(line);
            case WARNING -> LOG.warn(line);
            default -> LOG.info(line);
        }
    }
}
