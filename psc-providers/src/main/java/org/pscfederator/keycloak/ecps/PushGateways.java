package org.pscfederator.keycloak.ecps;

import org.keycloak.models.KeycloakSession;
import org.pscfederator.core.settings.EcpsSettings;

/** The realm's push channel: the provider of {@link PushGatewaySpi} its {@code pscEcpsPush} names. */
final class PushGateways {

    private PushGateways() {
    }

    static PushGateway of(KeycloakSession session, EcpsSettings settings) {
        PushGateway gateway = session.getProvider(PushGateway.class, settings.push().id());
        if (gateway == null) {
            throw new IllegalStateException("realm uses push channel " + settings.push().id() + ", but the server "
                    + "has none configured (spi-psc-push-gateway--relay--url)");
        }
        return gateway;
    }
}
