package org.pscfederator.keycloak.establishments;

import org.keycloak.provider.ProviderFactory;

/** Makes the server's {@link PairingStore}. */
public interface PairingStoreFactory extends ProviderFactory<PairingStore> {
}
