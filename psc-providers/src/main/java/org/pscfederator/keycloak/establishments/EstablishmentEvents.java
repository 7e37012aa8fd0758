package org.pscfederator.keycloak.establishments;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.pscfederator.core.establishments.PairingResult;
import org.pscfederator.core.events.EventDetail;

/**
 * Events of delegated logins and pairings (docs/audit.md): Keycloak's broker event types, with the establishment's
 * alias, what became of the pairing and, for a refusal or an end, the reason.
 */
public final class EstablishmentEvents {

    /** {@code psc_means} of a delegated login. */
    public static final String MEANS = "establishment";

    private EstablishmentEvents() {
    }

    static EventBuilder of(KeycloakSession session, RealmModel realm, EventType type, String provider,
            PairingResult result) {
        return about(new EventBuilder(realm, session, session.getContext().getConnection()).event(type), provider,
                result);
    }

    static EventBuilder about(EventBuilder event, String provider, PairingResult result) {
        return event.detail(EventDetail.MEANS.wire(), MEANS).detail(EventDetail.ESTABLISHMENT.wire(), provider)
                .detail(EventDetail.PAIRING.wire(), result.wire());
    }

    static EventBuilder about(EventBuilder event, Pairing pairing) {
        return event.detail(EventDetail.ID_NAT.wire(), pairing.idNat())
                .detail(EventDetail.PAIRING_MEANS.wire(), pairing.means().wire());
    }
}
