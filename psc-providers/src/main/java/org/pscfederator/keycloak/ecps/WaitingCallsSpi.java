package org.pscfederator.keycloak.ecps;

import org.pscfederator.keycloak.realm.OwnSpi;

/** Our own SPI, {@code psc-ecps-waits}: the e-CPS calls a node holds suspended, and their bound. */
public class WaitingCallsSpi extends OwnSpi {

    public static final String NAME = "psc-ecps-waits";

    public WaitingCallsSpi() {
        super(NAME, WaitingCalls.class, WaitingCallsFactory.class);
    }
}
