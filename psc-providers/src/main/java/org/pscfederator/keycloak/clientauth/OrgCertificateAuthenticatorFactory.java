package org.pscfederator.keycloak.clientauth;

import org.pscfederator.core.bindings.CertificateBindings;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.Config;
import org.keycloak.authentication.ClientAuthenticator;
import org.keycloak.authentication.ClientAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * {@code "clientAuthenticatorType": "psc-org-mtls"}: relying services authenticate with their ORG AUTH_CLI
 * certificate (RFC 8705 {@code tls_client_auth}), checked against the realm's CLIENT trust policy and the client's
 * {@value CertificateBindings#ATTRIBUTE}. It must be an ALTERNATIVE of the realm's client authentication flow.
 * Keycloak's own {@code client-x509} must not be: it trusts whatever chain the TLS layer let through, and PSC's TLS
 * front lets every certificate through so that the login can explain a refusal in French.
 */
public final class OrgCertificateAuthenticatorFactory implements ClientAuthenticatorFactory {

    public static final String PROVIDER_ID = "psc-org-mtls";
    private static final String TLS_CLIENT_AUTH = "tls_client_auth";
    private static final OrgCertificateAuthenticator SINGLETON = new OrgCertificateAuthenticator();

    @Override
    public ClientAuthenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public ClientAuthenticator create() {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "PSC ORG AUTH_CLI certificate (mutual TLS)";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public String getHelpText() {
        return "Relying service authenticated by its IGC-Santé ORG AUTH_CLI certificate (RFC 8705 tls_client_auth),"
                + " checked against the realm's client trust policy and the client's psc.org.cert.bindings attribute.";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.ALTERNATIVE};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public List<ProviderConfigProperty> getConfigPropertiesPerClient() {
        return List.of();
    }

    @Override
    public Map<String, Object> getAdapterConfiguration(KeycloakSession session, ClientModel client) {
        return Map.of();
    }

    @Override
    public Set<String> getProtocolAuthenticatorMethods(String loginProtocol) {
        return OIDCLoginProtocol.LOGIN_PROTOCOL.equals(loginProtocol) ? Set.of(TLS_CLIENT_AUTH) : Set.of();
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
