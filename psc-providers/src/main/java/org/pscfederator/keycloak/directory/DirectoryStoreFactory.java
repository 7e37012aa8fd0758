package org.pscfederator.keycloak.directory;

import org.keycloak.provider.ProviderFactory;

/** Makes the server's {@link DirectoryStoreProvider}. */
public interface DirectoryStoreFactory extends ProviderFactory<DirectoryStoreProvider> {
}
