package org.pscfederator.core.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("psc-directory")
class IdNatTest {

    @ParameterizedTest
    @ValueSource(strings = {"899700218896", "899700366240", "899700427869"})
    void publicSandboxIdentitiesHaveValidLuhnKeys(String value) {
        IdNat idNat = IdNat.parse(value);

        assertThat(idNat.kind()).isEqualTo(IdNatKind.RPPS);
        assertThat(idNat.prefix()).isEqualTo("8");
        assertThat(idNat.registryId()).isEqualTo(value.substring(1));
        assertThat(idNat.origine()).isEqualTo("RPPS");
        assertThat(RppsNumber.hasValidKey(idNat.registryId())).isTrue();
    }

    @Test
    void kindComesFromThePrefixTable() {
        assertThat(IdNat.parse("0759960011").kind()).isEqualTo(IdNatKind.ADELI);
        assertThat(IdNat.parse("3500000001815646/CPAT00045").kind()).isEqualTo(IdNatKind.STRUCTURE_STAFF);
        assertThat(IdNat.parse("3500000001815646/CPAT00045").registryId()).isEqualTo("500000001815646/CPAT00045");
        assertThat(IdNat.parse("ANS20231122132732").kind()).isEqualTo(IdNatKind.EDIT);
        assertThat(IdNat.parse("ANS20231122132732").origine()).isEqualTo("EDIT");
        assertThat(IdNat.parse("ANS20231122132732").registryId()).isEqualTo("20231122132732");
    }

    @Test
    void everyKindHasOnePrefixInTheTable() {
        for (IdNatKind kind : IdNatKind.values()) {
            assertThat(IdNatPrefixes.standard().of(kind)).as(kind.name()).isPresent();
        }
        assertThat(IdNatPrefixes.standard().all()).hasSize(IdNatKind.values().length);
    }

    @Test
    void wrongLuhnKeyIsRejectedWithTheRightKeyInTheReason() {
        assertThatThrownBy(() -> IdNat.parse("899700366241"))
                .isInstanceOf(InvalidIdNatException.class)
                .hasMessageContaining("wrong Luhn key")
                .hasMessageContaining("the key of 9970036624 is 0");
    }

    @Test
    void malformedIdentifiersAreRejectedWithAReason() {
        assertThatThrownBy(() -> IdNat.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> IdNat.parse("999700366240")).hasMessageContaining("no known prefix");
        assertThatThrownBy(() -> IdNat.parse("89970036624")).hasMessageContaining("11 digits");
        assertThatThrownBy(() -> IdNat.parse("8997003662A0")).hasMessageContaining("11 digits");
        assertThatThrownBy(() -> IdNat.parse("07599600")).hasMessageContaining("9 digits");
        assertThatThrownBy(() -> IdNat.parse("3500000001815646")).hasMessageContaining("one '/'");
        assertThatThrownBy(() -> IdNat.parse("3500000001815646/")).hasMessageContaining("each side");
        assertThatThrownBy(() -> IdNat.parse("3/CPAT00045")).hasMessageContaining("each side");
        assertThatThrownBy(() -> IdNat.parse("ANS2023112213273")).hasMessageContaining("14 digits");
    }

    @Test
    void problemWithDoesNotThrow() {
        assertThat(IdNat.problemWith("899700366240", IdNatPrefixes.standard())).isEmpty();
        assertThat(IdNat.problemWith("899700366241", IdNatPrefixes.standard())).get().asString()
                .contains("Luhn");
    }

    @Test
    void idNatsAreEqualByValue() {
        assertThat(IdNat.parse("899700366240")).isEqualTo(IdNat.parse("899700366240"))
                .hasSameHashCodeAs(IdNat.parse("899700366240"))
                .hasToString("899700366240");
    }

    /** The directory used to take lower case, which no login could reach (usernames are looked up in upper case). */
    @Test
    void lowerCaseIsRefusedAsNoLoginCouldFindIt() {
        assertThatThrownBy(() -> IdNat.parse("3500000001815646/cpat00045")).hasMessageContaining("upper-case");
        assertThat(IdNat.wellFormed("3500000001815646/cpat00045")).isFalse();
    }

    /** The directory used to take up to 82 characters, more than its store's column and any login page takes. */
    @Test
    void longerThanFortyCharactersIsRefused() {
        String staff = "3" + "1".repeat(30) + "/" + "C".repeat(30);
        assertThatThrownBy(() -> IdNat.parse(staff)).hasMessageContaining("at most 40 characters");
        assertThat(IdNat.wellFormed(staff)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"899700218896", "0759960011", "3500000001815646/CPAT00045", "ANS20231122132732"})
    void everyValidIdNatIsWellFormed(String value) {
        assertThat(IdNat.wellFormed(IdNat.parse(value).value())).isTrue();
    }
}
