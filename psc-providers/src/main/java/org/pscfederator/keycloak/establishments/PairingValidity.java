package org.pscfederator.keycloak.establishments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.pscfederator.core.establishments.ActivitySite;
import org.pscfederator.core.establishments.EstablishmentRefusal;
import org.pscfederator.core.establishments.Structures;

/**
 * Whether a pairing still holds at a login: not expired, the professional still in the directory, and still working
 * at one of the structures the establishment vouches for. The reason to end it otherwise.
 */
final class PairingValidity {

    private PairingValidity() {
    }

    /** @param sites the professional's activities in the directory now; empty when they left it */
    static Optional<EstablishmentRefusal> reasonToEnd(Pairing pairing, Instant now, List<ActivitySite> sites,
            Structures structures) {
        if (pairing.expiredAt(now)) {
            return Optional.of(EstablishmentRefusal.PAIRING_EXPIRED);
        }
        if (sites.isEmpty()) {
            return Optional.of(EstablishmentRefusal.LEFT_DIRECTORY);
        }
        if (!structures.vouchFor(sites)) {
            return Optional.of(EstablishmentRefusal.LEFT_STRUCTURE);
        }
        return Optional.empty();
    }
}
