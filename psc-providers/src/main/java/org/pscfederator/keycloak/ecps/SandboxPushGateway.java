package org.pscfederator.keycloak.ecps;

import java.util.List;

/**
 * Sandbox: nothing leaves the server. The simulator long-polls {@code GET v1/device/pending}, which answers as soon
 * as a request is opened for its professional; that long-poll is the sandbox's push channel.
 */
public final class SandboxPushGateway implements PushGateway {

    @Override
    public void notify(List<Device> devices, EcpsRequest request) {
        // Delivered by the simulator's long-poll of the pending request.
    }
}
