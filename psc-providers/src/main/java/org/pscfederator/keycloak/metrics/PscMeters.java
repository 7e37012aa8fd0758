package org.pscfederator.keycloak.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * Records PSC's counters and the e-CPS approval histogram on Keycloak's Micrometer registry (Keycloak adds its
 * Prometheus registry to Micrometer's global one, which the management port's {@code /auth/metrics} serves).
 */
public final class PscMeters {

    /** Buckets of the approval delay: a professional takes seconds; past the request's lifetime it expired. */
    private static final Duration[] APPROVAL_BUCKETS = {Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60),
        Duration.ofSeconds(120), Duration.ofSeconds(300), Duration.ofSeconds(600)};

    private PscMeters() {
    }

    static MeterRegistry registry() {
        return Metrics.globalRegistry;
    }

    /** Adds one to {@code metric} with its labels' values, in the order {@link PscMetric#labels()} lists them. */
    public static void count(PscMetric metric, String... values) {
        Counter.builder(metric.meterName()).description(metric.description()).tags(tags(metric, values))
                .register(registry()).increment();
    }

    /** A relying service refused at its authentication, with the refusal's code. */
    public static void clientRefused(String clientAuth, String reason) {
        count(PscMetric.TOKEN_REQUESTS, clientAuth, "refused", reason);
        count(PscMetric.REFUSALS, "client", reason);
    }

    /** An approved e-CPS request, {@code delay} after it was opened. */
    public static void approval(String channel, Duration delay) {
        Timer.builder(PscMetric.ECPS_APPROVAL.meterName()).description(PscMetric.ECPS_APPROVAL.description())
                .tags(tags(PscMetric.ECPS_APPROVAL, channel)).serviceLevelObjectives(APPROVAL_BUCKETS)
                .register(registry()).record(delay.isNegative() ? Duration.ZERO : delay);
    }

    /**
     * Registers at zero the counters of rare events, so that they are exported (and alerts on their rate work)
     * before the first one happens.
     */
    public static void initialize() {
        for (String cause : new String[] {"http_status", "unreachable"}) {
            Counter.builder(PscMetric.ECPS_PUSH_FAILURES.meterName())
                    .description(PscMetric.ECPS_PUSH_FAILURES.description())
                    .tags(tags(PscMetric.ECPS_PUSH_FAILURES, cause)).register(registry());
        }
    }

    static String[] tags(PscMetric metric, String... values) {
        var labels = metric.labels();
        if (labels.size() != values.length) {
            throw new IllegalArgumentException(metric + " has labels " + labels + ", got " + values.length
                    + " values");
        }
        String[] tags = new String[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            tags[2 * i] = labels.get(i);
            tags[2 * i + 1] = values[i] == null ? "none" : values[i];
        }
        return tags;
    }
}
