package org.pscfederator.keycloak.ecps;

import org.keycloak.models.KeycloakSession;
import org.pscfederator.core.settings.EcpsSettings;

/** The realm's push channel: the sandbox's (the simulator's long-poll) or the push relay configured for the server. */
final class PushGateways {

    private PushGateways() {
    }

    static PushGateway of(KeycloakSession session, EcpsSettings settings) {
        if (settings.push() == EcpsSettings.PushChannel.OUTBOX) {
            return new SandboxPushGateway();
        }
        PushGateway relay = DeviceApiFactory.relay(session);
        if (relay == null) {
            throw new IllegalStateException("realm uses the push relay, but no push relay is configured "
                    + "(spi-realm-restapi-extension--psc-ecps--push-relay-url)");
        }
        return relay;
    }
}
