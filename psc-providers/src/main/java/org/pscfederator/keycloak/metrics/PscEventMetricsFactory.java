package org.pscfederator.keycloak.metrics;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * {@code psc-metrics}: PSC's login metrics from the events, in every realm without being listed in the realm's
 * event listeners (global), so that a realm administrator cannot switch the operator's metrics off.
 */
public class PscEventMetricsFactory implements EventListenerProviderFactory {

    public static final String ID = "psc-metrics";
    private final PscEventMetrics listener = new PscEventMetrics();

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return listener;
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        PscMeters.initialize();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
