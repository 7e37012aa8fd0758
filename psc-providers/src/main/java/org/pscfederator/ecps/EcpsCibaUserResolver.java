package org.pscfederator.ecps;

import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.grants.ciba.resolvers.CIBALoginUserResolver;

/**
 * Resolves CIBA's {@code login_hint} (an idNat) to the professional. An idNat the directory does not know resolves
 * to a stand-in that no device will ever approve for, so the caller sees the same answer as for a known one until
 * the request expires. A hint that is not an idNat at all is refused, which says nothing about anyone.
 */
public final class EcpsCibaUserResolver implements CIBALoginUserResolver {

    private final KeycloakSession session;

    EcpsCibaUserResolver(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public UserModel getUserFromLoginHint(String loginHint) {
        Optional<String> idNat = IdNatInput.parse(loginHint);
        if (idNat.isEmpty()) {
            return null;
        }
        RealmModel realm = session.getContext().getRealm();
        UserModel user = session.users().getUserByUsername(realm, idNat.get());
        return user != null && user.isEnabled() ? user
                : new EcpsCibaChannel.UnknownProfessional(session, realm, idNat.get());
    }

    @Override
    public UserModel getUserFromInfoUsedByAuthentication(String info) {
        return IdNatInput.parse(info).map(idNat -> session.users().getUserByUsername(session.getContext().getRealm(),
                idNat)).orElse(null);
    }

    @Override
    public void close() {
    }
}
