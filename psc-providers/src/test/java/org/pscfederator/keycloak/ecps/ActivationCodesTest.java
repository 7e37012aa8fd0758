package org.pscfederator.keycloak.ecps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pscfederator.core.settings.EcpsSettings;

/** Activation codes: bounded guessing across re-issued codes, bounded requests by contact. */
class ActivationCodesTest {

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final ActivationCodes codes = new ActivationCodes(store);
    private final EcpsSettings settings = PendingRequestsTest.settings(20, 5, 30);

    @Test
    void theRightCodeRegistersOnce() {
        String code = codes.issue("899700366240", 90);

        assertThat(codes.redeem("899700366240", "10.0.0.1", code, settings))
                .isEqualTo(ActivationCodes.Redemption.REGISTERED);
        assertThat(codes.redeem("899700366240", "10.0.0.1", code, settings))
                .isEqualTo(ActivationCodes.Redemption.WRONG_CODE);
    }

    @Test
    void reissuedCodesDoNotStartTheGuessCountAgain() {
        for (int i = 0; i < settings.activationGuessesPerIdNatPerHour(); i++) {
            String code = codes.issue("899700366240", 90);
            assertThat(codes.redeem("899700366240", "10.0.0." + i, wrong(code), settings))
                    .isEqualTo(ActivationCodes.Redemption.WRONG_CODE);
        }
        String fresh = codes.issue("899700366240", 90);

        assertThat(codes.redeem("899700366240", "10.0.0.99", fresh, settings))
                .as("past the limit, even the right code is not compared")
                .isEqualTo(ActivationCodes.Redemption.TOO_MANY_GUESSES);
        assertThat(codes.redeem("899700218896", "10.0.0.98", codes.issue("899700218896", 90), settings))
                .as("another professional is not affected").isEqualTo(ActivationCodes.Redemption.REGISTERED);
    }

    @Test
    void guessesFromOneAddressAreBoundedAcrossProfessionals() {
        for (int i = 0; i < settings.activationGuessesPerAddressPerHour(); i++) {
            String idNat = "8997000000" + (10 + i);
            codes.issue(idNat, 90);
            codes.redeem(idNat, "192.0.2.66", "00000000", settings);
        }
        String code = codes.issue("899700366240", 90);

        assertThat(codes.redeem("899700366240", "192.0.2.66", code, settings))
                .isEqualTo(ActivationCodes.Redemption.TOO_MANY_GUESSES);
        assertThat(codes.redeem("899700366240", "10.0.0.1", code, settings))
                .isEqualTo(ActivationCodes.Redemption.REGISTERED);
    }

    @Test
    void contactRequestsAreBoundedPerIdentifierAndPerAddress() {
        for (int i = 0; i < settings.activationsPerIdNatPerHour(); i++) {
            assertThat(codes.takeContactRequest("899700366240", "10.0.0." + i, settings))
                    .isEqualTo(ActivationCodes.Request.ALLOWED);
        }
        assertThat(codes.takeContactRequest("899700366240", "10.0.0.50", settings))
                .isEqualTo(ActivationCodes.Request.ID_NAT_LIMIT);

        for (int i = 0; i < settings.activationsPerAddressPerHour(); i++) {
            codes.takeContactRequest("8997000000" + (10 + i), "192.0.2.66", settings);
        }
        assertThat(codes.takeContactRequest("899700218896", "192.0.2.66", settings))
                .isEqualTo(ActivationCodes.Request.ADDRESS_LIMIT);
    }

    private static String wrong(String code) {
        return code.equals("00000000") ? "00000001" : "00000000";
    }
}
