package org.pscfederator.keycloak.space;

import java.sql.SQLException;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.keycloak.claims.PscAmr;
import org.pscfederator.keycloak.cps.CardLogin;
import org.pscfederator.keycloak.ecps.Device;
import org.pscfederator.keycloak.ecps.DeviceStore;
import org.pscfederator.keycloak.ecps.EcpsEvents;

/**
 * The professional this browser is logged in as, read from Keycloak's own login session (its identity cookie,
 * {@code AuthenticationManager.authenticateIdentityCookie}: an internal API, see docs/space.md), and whether the
 * space accepts that session: a directory professional, logged in by card or e-CPS, and for e-CPS with a device that
 * is still theirs and active.
 */
final class SpaceSession {

    enum Status { NONE, NOT_PROFESSIONAL, DEVICE_REVOKED, ACCEPTED }

    private final Status status;
    private final UserSessionModel userSession;

    private SpaceSession(Status status, UserSessionModel userSession) {
        this.status = status;
        this.userSession = userSession;
    }

    static SpaceSession of(KeycloakSession session, RealmModel realm, DeviceStore devices) throws SQLException {
        AuthenticationManager.AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (auth == null || auth.getSession() == null || auth.getUser() == null) {
            return new SpaceSession(Status.NONE, null);
        }
        UserSessionModel userSession = auth.getSession();
        UserModel user = auth.getUser();
        String means = userSession.getNote(EventDetail.MEANS.wire());
        if (user.getFederationLink() == null || !user.isEnabled()) {
            return new SpaceSession(Status.NOT_PROFESSIONAL, userSession);
        }
        if (CardLogin.MEANS.equals(means) && PscAmr.CARD.equals(userSession.getNote(PscAmr.USER_SESSION_NOTE))) {
            return new SpaceSession(Status.ACCEPTED, userSession);
        }
        if (EcpsEvents.MEANS.equals(means)) {
            String deviceId = userSession.getNote(EventDetail.DEVICE.wire());
            Optional<Device> device = deviceId == null ? Optional.empty() : devices.find(deviceId);
            boolean active = device.filter(found -> found.idNat().equals(user.getUsername()) && !found.revoked())
                    .isPresent();
            return new SpaceSession(active ? Status.ACCEPTED : Status.DEVICE_REVOKED, userSession);
        }
        return new SpaceSession(Status.NOT_PROFESSIONAL, userSession);
    }

    Status status() {
        return status;
    }

    boolean accepted() {
        return status == Status.ACCEPTED;
    }

    UserSessionModel userSession() {
        return userSession;
    }

    UserModel user() {
        return userSession.getUser();
    }

    String idNat() {
        return user().getUsername();
    }

    /** True when this session's login was made with the CPS card: only then may a device be activated. */
    boolean byCard() {
        return CardLogin.MEANS.equals(userSession.getNote(EventDetail.MEANS.wire()));
    }
}
