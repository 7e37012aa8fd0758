package org.pscfederator.keycloak.ecps;

import java.util.List;

/**
 * Tells a professional's devices that a request waits. The push carries no code and no name: the device fetches
 * the request over the device API, authenticated by its key.
 */
public interface PushGateway {

    void notify(List<Device> devices, EcpsRequest request);
}
