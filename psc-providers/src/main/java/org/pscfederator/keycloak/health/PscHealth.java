package org.pscfederator.keycloak.health;

import java.util.Optional;

import org.keycloak.provider.Provider;

/** PSC's operations health check (SPI {@value PscHealthSpi#NAME}): the node's latest report, made periodically. */
public interface PscHealth extends Provider {

    /** The latest report; empty until the first check has run. */
    Optional<HealthReport> latest();

    @Override
    default void close() {
    }
}
