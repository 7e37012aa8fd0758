package org.pscfederator.keycloak.ecps;

import org.pscfederator.keycloak.realm.OwnSpi;

/** Our own SPI, {@code psc-push-gateway}: how pushes reach the professionals' phones. */
public class PushGatewaySpi extends OwnSpi {

    public static final String NAME = "psc-push-gateway";

    public PushGatewaySpi() {
        super(NAME, PushGateway.class, PushGatewayFactory.class);
    }
}
