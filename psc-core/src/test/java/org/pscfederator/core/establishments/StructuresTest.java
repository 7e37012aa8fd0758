package org.pscfederator.core.establishments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("psc-establishments")
class StructuresTest {

    private static final Structures CHU = Structures.parse("finess:010000024,siret:12345678901234,structure:F99");

    @Test
    void anEntryIsParsedAndFormattedBack() {
        assertThat(StructureId.parse(" FINESS:2A0000001 ").format()).isEqualTo("finess:2A0000001");
        assertThat(StructureId.parse("structure:R10000012345").kind()).isEqualTo(StructureId.Kind.STRUCTURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "finess:", "finess:01000002", "finess:0100000245", "finess:3A0000001",
        "siret:1234567890123A", "structure:", "structure:R 1", "rpps:10000012345", "010000024"})
    void aMalformedEntryIsRefused(String entry) {
        assertThatThrownBy(() -> StructureId.parse(entry)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noEntryIsRefused() {
        assertThatThrownBy(() -> Structures.parse(" , ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Structures.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anActivityAtTheFinessSiteOrJuridicalEntityIsVouchedFor() {
        assertThat(CHU.vouchFor(new ActivitySite("010000024", "", "", "R1"))).isTrue();
        assertThat(CHU.vouchFor(new ActivitySite("010000032", "010000024", null, "R1"))).isTrue();
    }

    @Test
    void anActivityAtTheSiretSiteOrTechnicalIdIsVouchedFor() {
        assertThat(CHU.vouchFor(new ActivitySite("", "", "12345678901234", "R1"))).isTrue();
        assertThat(CHU.vouchFor(new ActivitySite(null, null, null, "F99"))).isTrue();
    }

    @Test
    void oneActivityAmongSeveralSuffices() {
        assertThat(CHU.vouchFor(new ActivitySite("020000012", "", "", "R1"),
                new ActivitySite("", "", "", "F99"))).isTrue();
    }

    @Test
    void activitiesElsewhereAreNotVouchedFor() {
        assertThat(CHU.vouchFor(new ActivitySite("020000012", "020000020", "98765432109876", "R95141"))).isFalse();
        assertThat(CHU.vouchFor()).isFalse();
        assertThat(CHU.vouchFor(new ActivitySite("", "", "", ""))).isFalse();
    }

    @Test
    void anIdentifierCountsOnlyAsItsOwnKind() {
        // A structure id that happens to look like a FINESS does not match a finess: entry, nor the reverse.
        Structures byTechnicalId = Structures.parse("structure:010000024");
        assertThat(byTechnicalId.vouchFor(new ActivitySite("010000024", "", "", "R1"))).isFalse();
        assertThat(Structures.parse("finess:010000024").vouchFor(new ActivitySite("", "", "", "010000024")))
                .isFalse();
    }
}
