package org.pscfederator.keycloak.directory;

import org.keycloak.provider.ProviderFactory;

/** Makes the server's {@link DirectoryStore}. */
public interface DirectoryStoreFactory extends ProviderFactory<DirectoryStore> {
}
