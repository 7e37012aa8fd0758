package org.pscfederator.keycloak.ecps;

import org.pscfederator.keycloak.realm.OwnSpi;

/** Our own SPI, {@code psc-device-store}: the e-CPS devices' table, with its own schema versions. */
public class DeviceStoreSpi extends OwnSpi {

    public static final String NAME = "psc-device-store";

    public DeviceStoreSpi() {
        super(NAME, DeviceStore.class, DeviceStoreFactory.class);
    }
}
