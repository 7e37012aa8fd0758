package org.pscfederator.keycloak.ecps;

import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuthErrorException;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.grants.ciba.resolvers.CIBALoginUserResolver;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;
import org.keycloak.services.ErrorResponseException;
import org.pscfederator.core.identifiers.IdNat;
import org.pscfederator.keycloak.realm.PscRealm;
import org.pscfederator.core.settings.EcpsSettings;
import org.pscfederator.core.settings.RealmSettingException;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.keycloak.realm.RealmAttributes;
import org.jboss.logging.Logger;
import org.pscfederator.core.events.EcpsRefusal;
import org.pscfederator.core.events.EventDetail;

/**
 * Resolves CIBA's {@code login_hint} (an idNat) to the professional. An idNat the directory does not know resolves
 * to a stand-in that no device will ever approve for, so the caller sees the same answer as for a known one until
 * the request expires. A hint that is not an idNat at all is refused, which says nothing about anyone.
 */
public final class EcpsCibaUserResolver implements CIBALoginUserResolver {

    private static final Logger LOG = Logger.getLogger(EcpsCibaUserResolver.class);

    private final KeycloakSession session;

    EcpsCibaUserResolver(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public UserModel getUserFromLoginHint(String loginHint) {
        RealmModel realm = session.getContext().getRealm();
        if (!PscRealm.of(session).owns(realm)) {
            throw new ErrorResponseException(OAuthErrorException.INVALID_REQUEST,
                    "e-CPS authentication is served in realm " + PscRealm.of(session).name() + " only",
                    Response.Status.BAD_REQUEST);
        }
        CibaRequestRules.check(session.getContext().getHttpRequest().getDecodedFormParameters());
        Optional<String> idNat = IdNat.typed(loginHint);
        if (idNat.isEmpty()) {
            return null;
        }
        refuseWhenPushesSpent(realm, idNat.get());
        UserModel user = session.users().getUserByUsername(realm, idNat.get());
        return user != null && user.isEnabled() ? user
                : new EcpsCibaChannel.UnknownProfessional(session, realm, idNat.get());
    }

    /**
     * Keycloak turns any failure of the authentication channel into 503; the limit is checked here, before the
     * channel, so that the relying service gets an OAuth error it knows: 429 {@code slow_down} (the code CIBA's token
     * endpoint uses to say "wait longer"), with Retry-After. The channel takes the push.
     */
    private void refuseWhenPushesSpent(RealmModel realm, String idNat) {
        ClientModel client = session.getContext().getClient();
        if (client == null) {
            return;
        }
        EcpsSettings settings;
        try {
            settings = RealmAttributes.settings(realm).ecps();
        } catch (RealmSettingException e) {
            // Fails closed: no request is opened; the log names the attribute, the caller may retry later.
            LOG.errorf("CIBA e-CPS request refused, e-CPS unavailable in realm %s: %s", realm.getName(),
                    LoggedText.of(e.getMessage()));
            throw new ErrorResponseException(OAuthErrorException.TEMPORARILY_UNAVAILABLE,
                    "e-CPS authentication is unavailable", Response.Status.SERVICE_UNAVAILABLE);
        }
        if (new PushLimits(session).spent(idNat, session.getContext().getConnection().getRemoteAddr(),
                PushSource.relyingService(client.getClientId()), settings)) {
            EcpsEvents.ofCiba(session, realm, EventType.LOGIN).client(client)
                    .detail(EventDetail.ID_NAT.wire(), idNat).detail(EventDetail.REASON.wire(), EcpsRefusal.TOO_MANY_PUSHES.code())
                    .error(Errors.INVALID_REQUEST);
            throw new ErrorResponseException(Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", PushLimits.secondsLeft())
                    .entity(new OAuth2ErrorRepresentation("slow_down", "too many e-CPS requests for this professional"
                            + " from this relying service; retry after the time given in Retry-After")).build());
        }
    }

    @Override
    public UserModel getUserFromInfoUsedByAuthentication(String info) {
        return IdNat.typed(info).map(idNat -> session.users().getUserByUsername(session.getContext().getRealm(),
                idNat)).orElse(null);
    }

    @Override
    public void close() {
    }
}
