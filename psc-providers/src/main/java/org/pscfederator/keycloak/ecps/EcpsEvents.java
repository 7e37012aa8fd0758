package org.pscfederator.keycloak.ecps;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Events of e-CPS: the means, the device, the outcome, and the reason of a refusal; stored with the realm's events. */
public final class EcpsEvents {

    public static final String MEANS = "e-CPS";
    public static final String DETAIL_MEANS = "psc_means";
    public static final String DETAIL_ID_NAT = "psc_idnat";
    public static final String DETAIL_DEVICE = "psc_device";
    public static final String DETAIL_OUTCOME = "psc_outcome";
    public static final String DETAIL_REASON = "psc_reason";
    public static final String DETAIL_ACTION = "psc_ecps_action";
    public static final String DETAIL_REQUEST = "psc_ecps_request";

    private EcpsEvents() {
    }

    public static EventBuilder of(KeycloakSession session, RealmModel realm, EventType type) {
        return new EventBuilder(realm, session, session.getContext().getConnection()).event(type)
                .detail(DETAIL_MEANS, MEANS);
    }

    /** The user id of a directory professional is the store's; the idNat is the username, kept as a detail. */
    public static EventBuilder about(EventBuilder event, Device device, EcpsRequest request) {
        if (device != null) {
            event.detail(DETAIL_DEVICE, device.id()).detail(DETAIL_ID_NAT, device.idNat());
        }
        if (request != null) {
            event.detail(DETAIL_REQUEST, request.id()).detail(DETAIL_ID_NAT, request.idNat());
        }
        return event;
    }
}
