package org.pscfederator.keycloak.establishments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pscfederator.core.establishments.ActivitySite;
import org.pscfederator.core.establishments.EstablishmentRefusal;
import org.pscfederator.core.establishments.PairingMeans;
import org.pscfederator.core.establishments.Structures;

@Tag("psc-establishments")
class PairingValidityTest {

    private static final Instant MADE = Instant.parse("2026-01-05T09:00:00Z");
    private static final Pairing PAIRING = new Pairing("realm", "hopital-demo", "u-1", "899700366240",
            "f:dir:899700366240", MADE, PairingMeans.CARD, MADE.plus(Duration.ofDays(365)));
    private static final Structures HOSPITAL = Structures.parse("finess:010000024");
    private static final List<ActivitySite> AT_HOSPITAL = List.of(new ActivitySite("010000024", "", "", "R1"));

    @Test
    void aPairingWithinItsLifetimeOfAProfessionalStillThereHolds() {
        assertThat(PairingValidity.reasonToEnd(PAIRING, MADE.plus(Duration.ofDays(364)), AT_HOSPITAL, HOSPITAL))
                .isEmpty();
    }

    @Test
    void anExpiredPairingEnds() {
        assertThat(PairingValidity.reasonToEnd(PAIRING, MADE.plus(Duration.ofDays(365)), AT_HOSPITAL, HOSPITAL))
                .contains(EstablishmentRefusal.PAIRING_EXPIRED);
    }

    @Test
    void aProfessionalWhoLeftTheDirectoryIsNoLongerPaired() {
        assertThat(PairingValidity.reasonToEnd(PAIRING, MADE, List.of(), HOSPITAL))
                .contains(EstablishmentRefusal.LEFT_DIRECTORY);
    }

    @Test
    void aProfessionalWhoLeftTheStructuresIsNoLongerPaired() {
        assertThat(PairingValidity.reasonToEnd(PAIRING, MADE, List.of(new ActivitySite("020000012", "", "", "R2")),
                HOSPITAL)).contains(EstablishmentRefusal.LEFT_STRUCTURE);
    }
}
