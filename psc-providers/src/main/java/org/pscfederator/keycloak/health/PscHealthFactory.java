package org.pscfederator.keycloak.health;

import org.keycloak.provider.ProviderFactory;

public interface PscHealthFactory extends ProviderFactory<PscHealth> {
}
