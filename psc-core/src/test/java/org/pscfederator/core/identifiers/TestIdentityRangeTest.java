package org.pscfederator.core.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The RPPS numbers of created test identities: valid idNats, apart from ANS's and from the shipped identities. */
class TestIdentityRangeTest {

    @Test
    void drawnIdNatsAreValidRppsIdNatsOfTheRange() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            IdNat idNat = TestIdentityRange.draw(random);
            assertThat(idNat.kind()).isEqualTo(IdNatKind.RPPS);
            assertThat(idNat.value()).hasSize(12).startsWith("89998");
            assertThat(RppsNumber.hasValidKey(idNat.registryId())).isTrue();
            assertThat(TestIdentityRange.contains(idNat.value())).isTrue();
        }
    }

    @Test
    void publicAndShippedSandboxIdentitiesAreOutsideTheRange() {
        for (String idNat : new String[] {"899700218896", "899700366240", "899700427869", "899900000110",
                "0759960011", "ANS20240101120000", "31759900021/CPET00012"}) {
            assertThat(TestIdentityRange.contains(idNat)).as(idNat).isFalse();
        }
    }

    @Test
    void aWrongKeyOrLengthIsOutsideTheRange() {
        IdNat drawn = TestIdentityRange.draw(new SplittableRandom(1));
        String value = drawn.value();
        int key = value.charAt(value.length() - 1) - '0';
        assertThat(TestIdentityRange.contains(value.substring(0, value.length() - 1) + (key + 1) % 10)).isFalse();
        assertThat(TestIdentityRange.contains(value + "0")).isFalse();
        assertThat(TestIdentityRange.contains(null)).isFalse();
    }
}
