package org.pscfederator.keycloak.health;

import org.pscfederator.keycloak.realm.OwnSpi;

/** Our own SPI, {@code psc-health}: the operations health check of the PSC realm's trust and directory. */
public class PscHealthSpi extends OwnSpi {

    public static final String NAME = "psc-health";

    public PscHealthSpi() {
        super(NAME, PscHealth.class, PscHealthFactory.class);
    }
}
