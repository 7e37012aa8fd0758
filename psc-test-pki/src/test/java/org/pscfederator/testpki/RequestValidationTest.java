package org.pscfederator.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"899700366240", "0123456789", "3500000001815646/CPAT00045", "ANS20231122132732"})
    void cardAcceptsIdNatForms(String idNat) {
        assertThat(CardRequest.of(idNat).fileName()).doesNotContain("/").startsWith(idNat.substring(0, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "../../etc/passwd", "8997/../x", "899700366240/", "/899700366240",
            "8997\\x", "899700366240/a/b", "8997 00", "8997\n00", "x1234567"})
    void cardRejectsIdNatsThatCouldNameAnotherPath(String idNat) {
        assertThatThrownBy(() -> CardRequest.of(idNat))
                .isInstanceOfSatisfying(PkiException.class, e -> {
                    assertThat(e.isBadInput()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("\n").startsWith("invalid idNat");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-service", "bench.client_1", "A", "a234567890123456789012345678901234567890123456789012345678901234"})
    void clientAcceptsIds(String clientId) {
        assertThat(ClientRequest.of(clientId).organisation()).isEqualTo(clientId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", ".hidden", "a/b", "a\\b", "a b", "é",
            "a2345678901234567890123456789012345678901234567890123456789012345"})
    void clientRejectsIdsThatAreNotSafeFileNames(String clientId) {
        assertThatThrownBy(() -> ClientRequest.of(clientId)).isInstanceOf(PkiException.class)
                .hasMessageStartingWith("invalid client id");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 36501})
    void validityDaysAreBounded(int days) {
        assertThatThrownBy(() -> CardRequest.of("899700366240").withValidityDays(days))
                .isInstanceOf(PkiException.class);
    }
}
