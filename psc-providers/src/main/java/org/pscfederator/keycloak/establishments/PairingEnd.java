package org.pscfederator.keycloak.establishments;

import org.jboss.logging.Logger;
import org.keycloak.events.EventType;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.pscfederator.core.establishments.EstablishmentRefusal;
import org.pscfederator.core.establishments.PairingResult;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.keycloak.logging.EventFields;

/**
 * Ends a pairing: its row, then the link Keycloak keeps between the professional and that local account (so that
 * the next delegated login goes to the first broker login and asks for the card or e-CPS again), then its event.
 */
public final class PairingEnd {

    private static final Logger LOG = Logger.getLogger(PairingEnd.class);

    /** Who ended it: {@code psc_ended_by}. */
    public enum By {
        PSC, PROFESSIONAL, ADMIN;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private PairingEnd() {
    }

    /** True if the pairing was there and is now ended; false if someone else ended it first. */
    public static boolean end(KeycloakSession session, RealmModel realm, PairingStore store, Pairing pairing,
            EstablishmentRefusal reason, By by) {
        boolean removed = store.remove(pairing);
        unlink(session, realm, pairing.provider(), pairing.subject(), pairing.userId(), pairing.idNat());
        if (removed) {
            var event = EstablishmentEvents.about(EstablishmentEvents.of(session, realm,
                    EventType.REMOVE_FEDERATED_IDENTITY, pairing.provider(), PairingResult.ENDED), pairing)
                    .user(pairing.userId()).detail(EventDetail.REASON.wire(), reason.code())
                    .detail(EventDetail.ENDED_BY.wire(), by.wire());
            event.success();
            EventFields.info(LOG, "pairing ended", event);
        }
        return removed;
    }

    /**
     * Removes Keycloak's link of that user to that local account at that provider, if it is that one: a link to
     * another local account is not this pairing's. The user may have left the directory: the link is found by id.
     */
    static void unlink(KeycloakSession session, RealmModel realm, String provider, String subject, String userId,
            String idNat) {
        UserModel user = session.users().getUserById(realm, userId);
        UserModel holder = user != null ? user : new DepartedUser(session, realm, userId, idNat);
        FederatedIdentityModel link = session.users().getFederatedIdentity(realm, holder, provider);
        if (link != null && subject.equals(link.getUserId())) {
            session.users().removeFederatedIdentity(realm, holder, provider);
        }
    }
}
