package org.pscfederator.keycloak.ecps;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;
import org.pscfederator.keycloak.metrics.PscMetric;

/**
 * The node's {@link WaitingCalls}, bounded by {@code --spi-psc-ecps-waits--default--max-waits} (docs/operations.md),
 * counted by the gauge {@code psc_ecps_waits_in_progress} on Keycloak's metrics.
 */
public class NodeWaitingCallsFactory implements WaitingCallsFactory {

    static final String ID = "default";
    static final int DEFAULT_MAX_WAITS = 2000;
    static final String GAUGE = PscMetric.ECPS_WAITS_IN_PROGRESS.meterName();

    private int maxWaits;
    private int threads;
    private NodeWaitingCalls calls;

    @Override
    public WaitingCalls create(KeycloakSession session) {
        return calls;
    }

    @Override
    public void init(Config.Scope config) {
        maxWaits = config.getInt("max-waits", DEFAULT_MAX_WAITS);
        threads = config.getInt("threads", 2);
        if (maxWaits < 0 || threads < 1) {
            throw new IllegalArgumentException("spi-psc-ecps-waits--default: max-waits must be 0 or more and threads 1 "
                    + "or more, got " + maxWaits + " and " + threads);
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        calls = new NodeWaitingCalls(factory, maxWaits, threads);
        Gauge.builder(GAUGE, calls, WaitingCalls::held)
                .description(PscMetric.ECPS_WAITS_IN_PROGRESS.description())
                .register(Metrics.globalRegistry);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                RequestEvents.listen(factory, calls);
            }
        });
    }

    @Override
    public void close() {
        if (calls != null) {
            calls.stop();
        }
    }

    @Override
    public String getId() {
        return ID;
    }
}
