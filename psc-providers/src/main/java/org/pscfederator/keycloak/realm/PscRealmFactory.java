package org.pscfederator.keycloak.realm;

import org.keycloak.provider.ProviderFactory;

/** Makes the server's {@link PscRealm}. */
public interface PscRealmFactory extends ProviderFactory<PscRealm> {
}
