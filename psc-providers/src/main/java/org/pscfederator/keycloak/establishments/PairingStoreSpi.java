package org.pscfederator.keycloak.establishments;

import org.pscfederator.keycloak.realm.OwnSpi;

/** Our own SPI, {@code psc-pairing-store}: the pairings' table, with its own schema versions. */
public class PairingStoreSpi extends OwnSpi {

    public static final String NAME = "psc-pairing-store";

    public PairingStoreSpi() {
        super(NAME, PairingStore.class, PairingStoreFactory.class);
    }
}
