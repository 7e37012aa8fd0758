package org.pscfederator.policies;

import org.keycloak.OAuthErrorException;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * PSC's authorization requests name the level of assurance, {@code acr_values=eidas1}, and PSC refuses any other
 * value (docs/domain/oidc-rules.md). Keycloak treats acr_values as a wish; this executor makes it a requirement, for the
 * clients the realm's policy names (realm-config/realms/production).
 */
final class AcrEidas1Executor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    static final String REQUIRED_ACR = "eidas1";

    @Override
    public String getProviderId() {
        return AcrEidas1ExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context instanceof AuthorizationRequestContext authorization) {
            check(authorization.getAuthorizationEndpointRequest().getAcr());
        }
    }

    static void check(String acrValues) throws ClientPolicyException {
        if (!REQUIRED_ACR.equals(acrValues == null ? null : acrValues.strip())) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_REQUEST,
                    "acr_values=" + REQUIRED_ACR + " is required");
        }
    }
}
