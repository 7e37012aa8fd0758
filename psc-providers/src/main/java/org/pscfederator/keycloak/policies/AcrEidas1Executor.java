package org.pscfederator.keycloak.policies;

import java.util.Optional;

import org.keycloak.OAuthErrorException;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.protocol.oidc.grants.ciba.clientpolicy.context.BackchannelAuthenticationRequestContext;
import org.keycloak.protocol.oidc.grants.ciba.endpoints.request.BackchannelAuthenticationEndpointRequest;
import org.keycloak.protocol.oidc.par.clientpolicy.context.PushedAuthorizationRequestContext;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Refuses every request that names a level of assurance other than {@code eidas1} (see {@link Eidas1Only}): the
 * authorization request, the pushed authorization request (RFC 9126) and the CIBA backchannel authentication request
 * (CIBA §7.1), which Keycloak hands to client policies as three different events. Keycloak treats the requested
 * levels as wishes and would issue {@code acr} "0"; this executor makes them a requirement.
 */
final class AcrEidas1Executor implements ClientPolicyExecutorProvider<AcrEidas1Executor.Configuration> {

    private Configuration configuration = new Configuration();

    @Override
    public String getProviderId() {
        return AcrEidas1ExecutorFactory.PROVIDER_ID;
    }

    @Override
    public Class<Configuration> getExecutorConfigurationClass() {
        return Configuration.class;
    }

    @Override
    public void setupConfiguration(Configuration configuration) {
        this.configuration = configuration == null ? new Configuration() : configuration;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context instanceof AuthorizationRequestContext authorization) {
            check(authorization.getAuthorizationEndpointRequest());
        } else if (context instanceof PushedAuthorizationRequestContext pushed) {
            check(pushed.getRequest());
        } else if (context instanceof BackchannelAuthenticationRequestContext backchannel) {
            BackchannelAuthenticationEndpointRequest request = backchannel.getRequest();
            check(request.getAcr(), request.getClaims());
        }
    }

    private void check(AuthorizationEndpointRequest request) throws ClientPolicyException {
        check(request.getAcr(), request.getClaims());
    }

    private void check(String acrValues, String claims) throws ClientPolicyException {
        Optional<String> refusal = Eidas1Only.whyRefused(acrValues, claims, configuration.acrValuesRequired());
        if (refusal.isPresent()) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_REQUEST, refusal.get());
        }
    }

    /** {@code acr-values-required}: production requires {@code acr_values=eidas1}; the sandbox may leave it out. */
    public static final class Configuration extends ClientPolicyExecutorConfigurationRepresentation {

        @JsonProperty(AcrEidas1ExecutorFactory.ACR_VALUES_REQUIRED)
        private Boolean acrValuesRequired;

        public Boolean getAcrValuesRequired() {
            return acrValuesRequired;
        }

        public void setAcrValuesRequired(Boolean acrValuesRequired) {
            this.acrValuesRequired = acrValuesRequired;
        }

        /** Unset means required: a realm that forgot the setting is strict, not lax. */
        boolean acrValuesRequired() {
            return acrValuesRequired == null || acrValuesRequired;
        }
    }
}
