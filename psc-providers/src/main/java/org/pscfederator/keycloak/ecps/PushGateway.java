package org.pscfederator.keycloak.ecps;

import java.util.List;

import org.keycloak.provider.Provider;

/**
 * Tells a professional's devices that a request waits. The push carries no code and no name: the device fetches
 * the request over the device API, authenticated by its key. Our SPI {@value PushGatewaySpi#NAME}: one provider per
 * channel a realm may choose ({@code pscEcpsPush}), by the channel's id.
 */
public interface PushGateway extends Provider {

    void notify(List<Device> devices, EcpsRequest request);

    @Override
    default void close() {
    }
}
