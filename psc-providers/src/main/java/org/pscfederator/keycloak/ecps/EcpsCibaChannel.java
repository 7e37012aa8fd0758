package org.pscfederator.keycloak.ecps;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.grants.ciba.channel.AuthenticationChannelProvider;
import org.keycloak.protocol.oidc.grants.ciba.channel.CIBAAuthenticationRequest;
import org.keycloak.protocol.oidc.grants.device.DeviceGrantType;
import org.pscfederator.keycloak.claims.PscAmr;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.core.settings.EcpsSettings;
import org.pscfederator.core.settings.RealmSettingException;
import org.pscfederator.keycloak.realm.RealmAttributes;
import org.pscfederator.core.events.EcpsRefusal;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.keycloak.realm.OwnSpi;

/**
 * CIBA (poll mode) through e-CPS: a relying service's backchannel request becomes an e-CPS request for the idNat in
 * {@code login_hint}, the {@code binding_message} (2 digits) is the code the phone must pick, and the device's
 * answer settles Keycloak's CIBA request. An unknown idNat gets a request that no device sees: it expires, exactly
 * as an unanswered one.
 */
public final class EcpsCibaChannel implements AuthenticationChannelProvider {

    private static final Logger LOG = Logger.getLogger(EcpsCibaChannel.class);

    private final KeycloakSession session;

    EcpsCibaChannel(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public boolean requestAuthentication(CIBAAuthenticationRequest request, String infoUsedByAuthenticator) {
        RealmModel realm = session.getContext().getRealm();
        EcpsSettings settings;
        try {
            settings = RealmAttributes.settings(realm).ecps();
        } catch (RealmSettingException e) {
            // Fails closed: Keycloak answers the relying service 503; the log names the attribute.
            LOG.errorf("CIBA e-CPS request refused, e-CPS unavailable in realm %s: %s", realm.getName(),
                    LoggedText.of(e.getMessage()));
            return false;
        }
        String idNat = request.getUser().getUsername();
        String address = session.getContext().getConnection().getRemoteAddr();
        PushSource source = PushSource.relyingService(request.getClient().getClientId());
        if (new PushLimits(session).take(idNat, address, source, settings) != PushLimits.Verdict.ALLOWED) {
            // The user resolver answered the caller slow_down already unless two requests raced for the last push;
            // then Keycloak answers 503 "Unexpected response from authentication device". Nothing is pushed.
            LOG.infof("CIBA e-CPS request refused: push limit reached");
            EcpsEvents.ofCiba(session, realm, org.keycloak.events.EventType.LOGIN).detail(EventDetail.ID_NAT.wire(), idNat)
                    .detail(EventDetail.REASON.wire(), EcpsRefusal.TOO_MANY_PUSHES.code()).error(org.keycloak.events.Errors.INVALID_REQUEST);
            return false;
        }
        String clientName = request.getClient().getName() == null || request.getClient().getName().isBlank()
                ? request.getClient().getClientId() : request.getClient().getName();
        EcpsRequest opened = new PendingRequests(session).open(idNat, source, clientName, request.getBindingMessage(),
                Math.min(settings.requestSeconds(), realm.getCibaPolicy().getExpiresIn()), request.getAuthResultId());
        if (!(request.getUser() instanceof UnknownProfessional)) {
            try {
                List<Device> active = OwnSpi.required(session, DeviceStore.class).of(idNat).stream()
                        .filter(device -> !device.revoked()).toList();
                if (!active.isEmpty()) {
                    PushGateways.of(session, settings).notify(active, opened);
                }
            } catch (SQLException | RuntimeException e) {
                LOG.errorf("CIBA e-CPS push not sent: %s", LoggedText.of(e));
            }
        }
        return true;
    }

    /** Settles Keycloak's CIBA request with the device's answer; amr and the device go with the approval. */
    static void settle(KeycloakSession session, RealmModel realm, EcpsRequest request, Outcome outcome,
            String deviceId) {
        if (request.cibaAuthResultId() == null) {
            return;
        }
        if (outcome == Outcome.APPROVED) {
            DeviceGrantType.approveUserCode(session, realm, request.cibaAuthResultId(), "fake", Map.of(
                    PscAmr.USER_SESSION_NOTE, PscAmr.MOBILE, EventDetail.MEANS.wire(), EcpsEvents.MEANS,
                    EventDetail.DEVICE.wire(), deviceId));
        } else {
            DeviceGrantType.denyUserCode(session, realm, request.cibaAuthResultId());
        }
    }

    @Override
    public void close() {
    }

    /** Stands for an idNat the directory does not know, so that the CIBA answer looks the same as for a known one. */
    static final class UnknownProfessional extends org.keycloak.storage.adapter.AbstractInMemoryUserAdapter {
        UnknownProfessional(KeycloakSession session, RealmModel realm, String idNat) {
            super(session, realm, "psc-unknown:" + java.util.UUID.randomUUID());
            setUsername(idNat);
            setEnabled(true);
        }

        @Override
        public org.keycloak.models.SubjectCredentialManager credentialManager() {
            // No credentials: nobody ever logs in as this stand-in.
            return new org.keycloak.credential.UserCredentialManager(session, realm, this);
        }
    }
}
