package org.pscfederator.keycloak.claims;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * {@code acr}: {@code eidas1}, Pro Santé Connect's only level, whenever a card or e-CPS login (both eidas1) opened
 * the session. It replaces Keycloak's {@code oidc-acr-mapper}, which derives the claim from its own levels: "0" for
 * a login by SSO cookie, or whatever mappable level the request asked for. The session's level is the one of the
 * login that opened it; a service that wants a fresh one asks {@code max_age} or {@code prompt=login}. No card or
 * e-CPS login, no claim.
 */
public class PscAcrMapper extends AbstractOIDCProtocolMapper
        implements OIDCIDTokenMapper, OIDCAccessTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "psc-acr";
    static final String EIDAS1 = "eidas1";
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, PscAcrMapper.class);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        token.setAcr(PscAmr.of(userSession, clientSessionCtx) == null ? null : EIDAS1);
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "PSC level of assurance (acr eidas1)";
    }

    @Override
    public String getHelpText() {
        return "Puts acr eidas1 in the tokens after a CPS card or e-CPS login, SSO included; never another level.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
