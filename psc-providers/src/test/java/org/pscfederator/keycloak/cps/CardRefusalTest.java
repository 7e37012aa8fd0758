package org.pscfederator.keycloak.cps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pscfederator.core.events.CardRefusal;
import org.pscfederator.core.certificates.CertificateRejection;

/** A certificate's rejection reaches the card page as the refusal of the same code, never as "unknown". */
class CardRefusalTest {

    @Test
    void everyCertificateRejectionIsACardRefusalOfTheSameCode() {
        for (CertificateRejection rejection : CertificateRejection.values()) {
            CardRefusal refusal = CardLogin.refusalOf(rejection);
            assertThat(refusal).as(rejection.name()).isNotEqualTo(CardRefusal.UNKNOWN);
            assertThat(refusal.code()).isEqualTo(rejection.code());
        }
    }
}
