package org.pscfederator.core.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RppsNumberTest {

    @Test
    void lastDigitIsTheLuhnKeyOfTheFirstTen() {
        assertThat(RppsNumber.luhnKey("9970036624")).isZero();
        assertThat(RppsNumber.luhnKey("9970021889")).isEqualTo(6);
        assertThat(RppsNumber.luhnKey("9970042786")).isEqualTo(9);
        // The classic Luhn example: 7992739871 has key 3.
        assertThat(RppsNumber.luhnKey("7992739871")).isEqualTo(3);
    }

    @Test
    void withKeyAppendsTheLuhnKey() {
        assertThat(RppsNumber.withKey("9970036624").value()).isEqualTo("99700366240");
        assertThat(RppsNumber.parse(RppsNumber.withKey("1000000001").value())).isNotNull();
    }

    @Test
    void everyOtherKeyIsRejected() {
        for (int key = 1; key <= 9; key++) {
            String value = "9970036624" + key;
            assertThat(RppsNumber.hasValidKey(value)).as(value).isFalse();
            assertThatThrownBy(() -> RppsNumber.parse(value)).hasMessageContaining("wrong Luhn key");
        }
    }

    @Test
    void nonDigitsHaveNoValidKey() {
        assertThat(RppsNumber.hasValidKey("9970036624O")).isFalse();
        assertThatThrownBy(() -> RppsNumber.withKey("99700366")).hasMessageContaining("10 digits");
    }
}
