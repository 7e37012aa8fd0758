package org.pscfederator.keycloak.ecps;

import org.keycloak.models.KeycloakSession;
import org.pscfederator.core.settings.EcpsSettings.PushChannel;

/** The sandbox's channel, {@code pscEcpsPush=outbox}: the simulator's long-poll. */
public class SandboxPushGatewayFactory implements PushGatewayFactory {

    private static final PushGateway GATEWAY = new SandboxPushGateway();

    @Override
    public PushGateway create(KeycloakSession session) {
        return GATEWAY;
    }

    @Override
    public String getId() {
        return PushChannel.OUTBOX.id();
    }
}
