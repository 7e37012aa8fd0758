package org.pscfederator.keycloak.realm;

/** Our own SPI, {@code psc-realm}: which realm of the server is PSC's. */
public class PscRealmSpi extends OwnSpi {

    public static final String NAME = "psc-realm";

    public PscRealmSpi() {
        super(NAME, PscRealm.class, PscRealmFactory.class);
    }
}
