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
 * {@code acr}: {@code eidas1}, Pro Santé Connect's only level, in every token: this server grants no other (card and
 * e-CPS logins are eidas1; requests naming another level are refused before any login). It replaces Keycloak's
 * {@code oidc-acr-mapper}, which derives the claim from its own levels: "0" for a login by SSO cookie, or whatever
 * mappable level the request asked for. The session's level is the one of the login that opened it; a service that
 * wants a fresh one asks {@code max_age} or {@code prompt=login}. The sandbox's password login of its benchmark user
 * is marked the same, as Keycloak's level map marked it before: that user exists in the sandbox only. A session an
 * identity provider's login opened gets it only when PSC's broker flows marked it delegated (an establishment's
 * provider with its pairing): any other brokered login gets no acr.
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
        if (PscAmr.withheld(userSession)) {
            return;
        }
        token.setAcr(EIDAS1);
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
        return "Puts acr eidas1, PSC's only level, in the tokens, SSO included; never another level.";
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
