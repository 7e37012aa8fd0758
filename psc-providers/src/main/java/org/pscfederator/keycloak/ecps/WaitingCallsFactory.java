package org.pscfederator.keycloak.ecps;

import org.keycloak.provider.ProviderFactory;

/** Makes the node's {@link WaitingCalls}. */
public interface WaitingCallsFactory extends ProviderFactory<WaitingCalls> {
}
