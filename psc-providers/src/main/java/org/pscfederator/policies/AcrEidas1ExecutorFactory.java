package org.pscfederator.policies;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** Client policy executor {@code psc-acr-eidas1}: authorization requests must carry {@code acr_values=eidas1}. */
public final class AcrEidas1ExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String PROVIDER_ID = "psc-acr-eidas1";
    private static final AcrEidas1Executor SINGLETON = new AcrEidas1Executor();

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Refuses authorization requests without acr_values=eidas1, as Pro Santé Connect does.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
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
