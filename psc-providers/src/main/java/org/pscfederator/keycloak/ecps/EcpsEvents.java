package org.pscfederator.keycloak.ecps;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.pscfederator.core.events.EventDetail;

/** Events of e-CPS: the means, the device, the outcome, and the reason of a refusal; stored with the realm's events. */
public final class EcpsEvents {

    public static final String MEANS = "e-CPS";
    /** The value of {@link EventDetail#CHANNEL} for CIBA. */
    public static final String CIBA = "ciba";

    private EcpsEvents() {
    }

    public static EventBuilder of(KeycloakSession session, RealmModel realm, EventType type) {
        return new EventBuilder(realm, session, session.getContext().getConnection()).event(type)
                .detail(EventDetail.MEANS.wire(), MEANS);
    }

    /** The event of a relying service's CIBA request. */
    public static EventBuilder ofCiba(KeycloakSession session, RealmModel realm, EventType type) {
        return of(session, realm, type).detail(EventDetail.CHANNEL.wire(), CIBA);
    }

    /** The user id of a directory professional is the store's; the idNat is the username, kept as a detail. */
    public static EventBuilder about(EventBuilder event, Device device, EcpsRequest request) {
        if (device != null) {
            event.detail(EventDetail.DEVICE.wire(), device.id()).detail(EventDetail.ID_NAT.wire(), device.idNat());
        }
        if (request != null) {
            event.detail(EventDetail.ECPS_REQUEST.wire(), request.id()).detail(EventDetail.ID_NAT.wire(), request.idNat());
        }
        return event;
    }
}
