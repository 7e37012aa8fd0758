package org.pscfederator.keycloak.establishments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pscfederator.core.establishments.AmrRule;
import org.pscfederator.core.establishments.AmrVerdict;
import org.pscfederator.core.establishments.EstablishmentRefusal;

@Tag("psc-establishments")
class MapperVerdictTest {

    private static final AmrVerdict MET = AmrRule.parse("pwd", "otp").verdict(List.of("pwd", "otp"));

    @Test
    void aMetVerdictTravelsAsStringsAndComesBack() {
        Map<String, Object> data = new HashMap<>();
        MapperVerdict.met(MET, EstablishmentRefusal.PAIRING_EXPIRED).writeTo(data);

        assertThat(data).containsEntry(MapperVerdict.VERDICT, "met").containsEntry(MapperVerdict.AMR, "pwd otp")
                .containsEntry(MapperVerdict.ENDED, "pairing_expired");
        assertThat(data.values()).allMatch(String.class::isInstance);
        MapperVerdict read = MapperVerdict.readFrom(data);
        assertThat(read.isMet()).isTrue();
        assertThat(read.delegatedAmrNote()).isEqualTo("fed pwd otp");
        assertThat(read.endedPairing()).contains(EstablishmentRefusal.PAIRING_EXPIRED);
    }

    @Test
    void aRefusalTravelsWithoutAmr() {
        Map<String, Object> data = new HashMap<>(Map.of(MapperVerdict.AMR, "pwd otp"));
        MapperVerdict.refused(EstablishmentRefusal.AMR_NOT_MET, null).writeTo(data);

        assertThat(data).containsOnlyKeys(MapperVerdict.VERDICT);
        MapperVerdict read = MapperVerdict.readFrom(data);
        assertThat(read.isMet()).isFalse();
        assertThat(read.refusal()).isEqualTo(EstablishmentRefusal.AMR_NOT_MET);
    }

    @Test
    void noVerdictIsNotAnEstablishmentsLogin() {
        assertThat(MapperVerdict.readFrom(Map.of()).refusal()).isEqualTo(EstablishmentRefusal.NOT_ESTABLISHMENT);
        assertThat(MapperVerdict.readFrom(null).refusal()).isEqualTo(EstablishmentRefusal.NOT_ESTABLISHMENT);
    }

    @Test
    void aMalformedVerdictIsNotAnEstablishmentsLogin() {
        assertThat(MapperVerdict.readFrom(Map.of(MapperVerdict.VERDICT, "met")).refusal())
                .isEqualTo(EstablishmentRefusal.NOT_ESTABLISHMENT);
        assertThat(MapperVerdict.readFrom(Map.of(MapperVerdict.VERDICT, "met", MapperVerdict.AMR, "pwd\notp"))
                .refusal()).isEqualTo(EstablishmentRefusal.NOT_ESTABLISHMENT);
        assertThat(MapperVerdict.readFrom(Map.of(MapperVerdict.VERDICT, "MET", MapperVerdict.AMR, "pwd")).refusal())
                .isEqualTo(EstablishmentRefusal.NOT_ESTABLISHMENT);
        assertThat(MapperVerdict.readFrom(Map.of(MapperVerdict.VERDICT, List.of("met"))).refusal())
                .isEqualTo(EstablishmentRefusal.NOT_ESTABLISHMENT);
    }

    @Test
    void aVerdictIsEitherMetOrARefusal() {
        assertThatThrownBy(() -> new MapperVerdict(EstablishmentRefusal.AMR_NOT_MET, MET, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MapperVerdict(null, null, null)).isInstanceOf(IllegalArgumentException.class);
        AmrVerdict notMet = AmrRule.parse("pwd", "otp").verdict(List.of("pwd"));
        assertThatThrownBy(() -> MapperVerdict.met(notMet, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
