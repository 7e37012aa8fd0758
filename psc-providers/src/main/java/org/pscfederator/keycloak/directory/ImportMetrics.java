package org.pscfederator.keycloak.directory;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;

import org.pscfederator.directorystore.DirectoryEntry;
import org.pscfederator.keycloak.metrics.PscMeters;
import org.pscfederator.keycloak.metrics.PscMetric;

/**
 * The imports this node ran: a count per outcome, and when the last one of each outcome ended (so that "the last
 * import failed" is {@code failed}'s time after {@code activated}'s). Held by the endpoint's factory.
 */
final class ImportMetrics {

    enum Outcome {
        ACTIVATED, REFUSED, BUSY, FAILED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<String, AtomicLong> lastEnded = new ConcurrentHashMap<>();

    void ended(DirectoryEntry.Directory directory, Outcome outcome) {
        String name = directory.name().toLowerCase(Locale.ROOT);
        PscMeters.count(PscMetric.DIRECTORY_IMPORTS, name, outcome.label());
        lastEnded.computeIfAbsent(name + "/" + outcome.label(), key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(PscMetric.DIRECTORY_LAST_IMPORT.meterName(), value, AtomicLong::get)
                    .description(PscMetric.DIRECTORY_LAST_IMPORT.description())
                    .tags(PscMetric.Label.DIRECTORY, name, PscMetric.Label.OUTCOME, outcome.label())
                    .register(Metrics.globalRegistry);
            return value;
        }).set(Instant.now().getEpochSecond());
    }
}
