package org.pscfederator.keycloak.clientauth;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** Client policy executor {@code psc-certificate-bound-tokens} (realm-config/realms/base: every client). */
public final class CertificateBoundTokensExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String PROVIDER_ID = "psc-certificate-bound-tokens";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new CertificateBoundTokensExecutor(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Certificate-bound tokens on by default for psc-org-mtls clients; introspection of a bound token"
                + " without its certificate answers inactive.";
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
