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
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;
import org.pscfederator.core.claims.PscClaim;

/**
 * {@code amr}: how the professional authenticated in this session (RFC 8176 values: {@code ["sc","pin","mfa"]} for
 * the card, {@code ["swk","pin","mfa"]} for e-CPS, {@code ["fed", ...]} after a delegated login), from the note the
 * login left on the user session, and after a delegated login {@code psc_establishment}, the establishment's
 * provider. No note, no claim: nothing is claimed that the login did not do.
 */
public class PscAmrMapper extends AbstractOIDCProtocolMapper
        implements OIDCIDTokenMapper, OIDCAccessTokenMapper, UserInfoTokenMapper {

    public static final String PROVIDER_ID = "psc-amr";
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, PscAmrMapper.class);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        String amr = PscAmr.of(userSession, clientSessionCtx);
        if (amr != null) {
            token.getOtherClaims().put("amr", PscAmr.values(amr));
        }
        String establishment = PscAmr.establishment(userSession, clientSessionCtx);
        if (establishment != null) {
            token.getOtherClaims().put(PscClaim.ESTABLISHMENT.wire(), establishment);
        }
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "PSC authentication methods (amr)";
    }

    @Override
    public String getHelpText() {
        return "Puts amr (RFC 8176) in the tokens: sc pin mfa after a CPS card login, swk pin mfa after e-CPS, fed and"
                + " the establishment's methods after a delegated login (with psc_establishment).";
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
