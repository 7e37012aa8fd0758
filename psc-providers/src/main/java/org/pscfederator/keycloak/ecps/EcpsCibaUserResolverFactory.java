package org.pscfederator.keycloak.ecps;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.grants.ciba.resolvers.CIBALoginUserResolver;
import org.keycloak.protocol.oidc.grants.ciba.resolvers.CIBALoginUserResolverFactory;

/** CIBA's login_hint resolver of the server; its order makes it Keycloak's default. */
public class EcpsCibaUserResolverFactory implements CIBALoginUserResolverFactory {

    public static final String PROVIDER_ID = "psc-idnat";

    @Override
    public CIBALoginUserResolver create(KeycloakSession session) {
        return new EcpsCibaUserResolver(session);
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
