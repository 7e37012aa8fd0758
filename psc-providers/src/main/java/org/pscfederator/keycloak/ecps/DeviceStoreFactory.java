package org.pscfederator.keycloak.ecps;

import org.keycloak.provider.ProviderFactory;

/** Makes the server's {@link DeviceStore}. */
public interface DeviceStoreFactory extends ProviderFactory<DeviceStore> {
}
