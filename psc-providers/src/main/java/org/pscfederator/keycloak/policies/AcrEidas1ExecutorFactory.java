package org.pscfederator.keycloak.policies;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/**
 * Client policy executor {@code psc-acr-eidas1}: authorization, pushed authorization and CIBA requests may name no
 * level of assurance other than {@code eidas1}.
 */
public final class AcrEidas1ExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String PROVIDER_ID = "psc-acr-eidas1";
    static final String ACR_VALUES_REQUIRED = "acr-values-required";
    private static final List<ProviderConfigProperty> CONFIG = List.of(new ProviderConfigProperty(ACR_VALUES_REQUIRED,
            "acr_values required", "On: a request must carry acr_values=eidas1. Off (sandbox): it may leave it out"
            + " and gets eidas1. Another level is refused either way.", ProviderConfigProperty.BOOLEAN_TYPE, true));

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new AcrEidas1Executor();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Refuses authorization, PAR and CIBA requests that name a level other than eidas1 in acr_values or in"
                + " the claims parameter, as Pro Santé Connect does.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
