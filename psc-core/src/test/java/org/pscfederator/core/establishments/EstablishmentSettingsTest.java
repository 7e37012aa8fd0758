package org.pscfederator.core.establishments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("psc-establishments")
class EstablishmentSettingsTest {

    private static final Map<String, String> MINIMAL = Map.of("pscEstablishment", "true",
            "pscStructures", "finess:010000024", "pscEstablishmentName", "CHU de Démo");

    @Test
    void theRequiredSettingsAloneGetTheDefaults() {
        EstablishmentSettings settings = EstablishmentSettings.of(MINIMAL);
        assertThat(settings.structures().entries())
                .containsExactly(new StructureId(StructureId.Kind.FINESS, "010000024"));
        assertThat(settings.amrRule()).isEqualTo(new AmrRule(Set.of("mfa"), Set.of("otp", "hwk", "swk")));
        assertThat(settings.subjectClaims()).isEqualTo(SubjectClaims.SUB);
        assertThat(settings.pairingLifetime()).isEqualTo(Duration.ofDays(365));
        assertThat(settings.name()).isEqualTo("CHU de Démo");
    }

    @Test
    void everySettingIsRead() {
        Map<String, String> config = new HashMap<>(MINIMAL);
        config.putAll(Map.of("pscStructures", " finess:010000024 , siret:12345678901234,structure:R10000012345 ",
                "pscAmrAllOf", " pwd ", "pscAmrAnyOf", "otp  hwk", "pscSubjectClaims", "tid oid",
                "pscPairingDays", "3650"));
        EstablishmentSettings settings = EstablishmentSettings.of(config);
        assertThat(settings.structures().format())
                .isEqualTo("finess:010000024,siret:12345678901234,structure:R10000012345");
        assertThat(settings.amrRule()).isEqualTo(new AmrRule(Set.of("pwd"), Set.of("otp", "hwk")));
        assertThat(settings.subjectClaims()).isEqualTo(SubjectClaims.TID_OID);
        assertThat(settings.pairingDays()).isEqualTo(3650);
    }

    @Test
    void blankOptionalSettingsTakeTheirDefaults() {
        Map<String, String> config = new HashMap<>(MINIMAL);
        config.putAll(Map.of("pscAmrAllOf", " ", "pscPairingDays", ""));
        assertThat(EstablishmentSettings.of(config)).isEqualTo(EstablishmentSettings.of(MINIMAL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "pscEstablishment; false",
        "pscEstablishment; yes",
        "pscStructures; finess:12345",
        "pscStructures; siret:1234567890123",
        "pscStructures; rpps:10000012345",
        "pscStructures; 010000024",
        "pscStructures; structure:R1/2",
        "pscStructures; ' , '",
        "pscAmrAllOf; pwd <script>",
        "pscAmrAnyOf; otp,hwk",
        "pscSubjectClaims; email",
        "pscSubjectClaims; oid",
        "pscPairingDays; 0",
        "pscPairingDays; 3651",
        "pscPairingDays; one year",
        "pscEstablishmentName; 'CHU\tde Démo'",
    })
    void aValueOutsideItsRangeIsRefusedNamingItsAttribute(String attribute, String value) {
        Map<String, String> config = new HashMap<>(MINIMAL);
        config.put(attribute, value);
        assertThatThrownBy(() -> EstablishmentSettings.of(config))
                .isInstanceOf(EstablishmentSettingException.class).hasMessageStartingWith(attribute + ": ")
                .satisfies(e -> assertThat(((EstablishmentSettingException) e).setting().attribute())
                        .isEqualTo(attribute));
    }

    @ParameterizedTest
    @CsvSource({"pscEstablishment", "pscStructures", "pscEstablishmentName"})
    void aMissingRequiredSettingIsRefusedNamingIt(String attribute) {
        Map<String, String> config = new HashMap<>(MINIMAL);
        config.remove(attribute);
        assertThatThrownBy(() -> EstablishmentSettings.of(config))
                .isInstanceOf(EstablishmentSettingException.class).hasMessage(attribute + ": is required");
    }

    @Test
    void aTooLongNameIsRefused() {
        Map<String, String> config = new HashMap<>(MINIMAL);
        config.put("pscEstablishmentName", "x".repeat(121));
        assertThatThrownBy(() -> EstablishmentSettings.of(config)).hasMessageStartingWith("pscEstablishmentName: ");
    }

    @Test
    void noConfigurationIsRefused() {
        assertThatThrownBy(() -> EstablishmentSettings.of(null)).isInstanceOf(EstablishmentSettingException.class);
    }

    @Test
    void theMarkerAloneSaysWhetherAProviderIsAnEstablishments() {
        assertThat(EstablishmentSettings.marks(Map.of("pscEstablishment", " true"))).isTrue();
        assertThat(EstablishmentSettings.marks(Map.of("pscEstablishment", "TRUE"))).isFalse();
        assertThat(EstablishmentSettings.marks(Map.of())).isFalse();
        assertThat(EstablishmentSettings.marks(null)).isFalse();
    }

    @Test
    void theSettingsAreListedOnce() {
        assertThat(List.of(EstablishmentSetting.values())).extracting(EstablishmentSetting::attribute)
                .doesNotHaveDuplicates().allMatch(name -> name.startsWith("psc"));
    }
}
