package org.pscfederator.keycloak.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;
import org.pscfederator.keycloak.realm.PscRealm;

/**
 * Puts PSC's professional claims (SubjectRefPro, SubjectRole, otherIds...) in userinfo, from the directory. Kept out
 * of the access token, which stays small; a user who is not a professional gets none.
 */
public class PscProfessionalClaimsMapper extends AbstractOIDCProtocolMapper implements UserInfoTokenMapper {

    public static final String PROVIDER_ID = "psc-professional-claims";
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, PscProfessionalClaimsMapper.class);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        if (!PscRealm.of(session).owns(userSession.getRealm())) {
            return;
        }
        for (Map.Entry<String, Object> claim : ProfessionalClaims.of(session, userSession.getUser()).entrySet()) {
            token.getOtherClaims().put(claim.getKey(), claim.getValue());
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        SignedUserInfoDefault.register(factory);
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "PSC professional claims";
    }

    @Override
    public String getHelpText() {
        return "PSC's claims about the professional (SubjectRefPro, SubjectRole, SubjectOrganization, otherIds...), "
                + "from the professional directory.";
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
