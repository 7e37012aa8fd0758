package org.pscfederator.keycloak.ecps;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.grants.ciba.channel.AuthenticationChannelProvider;
import org.keycloak.protocol.oidc.grants.ciba.channel.AuthenticationChannelProviderFactory;

/** The CIBA authentication channel of the server: e-CPS. Its order makes it Keycloak's default over the HTTP one. */
public class EcpsCibaChannelFactory implements AuthenticationChannelProviderFactory {

    public static final String PROVIDER_ID = "psc-ecps";

    @Override
    public AuthenticationChannelProvider create(KeycloakSession session) {
        return new EcpsCibaChannel(session);
    }

    @Override
    public int order() {
        return 100;
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

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
