package org.pscfederator.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pscfederator.directory.Nomenclatures;

import picocli.CommandLine.TypeConversionException;

/** What create refuses before anything is sent: each refusal names the option and where the valid values are. */
@Tag("psc-directory")
class TestProfessionalTest {

    private static final Nomenclatures NOMENCLATURES = Nomenclatures.standard();

    private static TestProfessional of(String profession, String category, String mode, String sector,
            String structure, String structureName, String firstName, String lastName) {
        return TestProfessional.from(new TestProfessional.Given(profession, category, mode, sector, structure,
                structureName, firstName, lastName), NOMENCLATURES);
    }

    @Test
    void anUnknownCodeIsRefusedWithItsTableAndItsCodes() {
        assertThatThrownBy(() -> of("99", null, null, null, null, null, null, null))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("--profession 99: not a code of TRE-G15 ProfessionSante")
                .hasMessageContaining("60 Infirmier")
                .hasMessageContaining("TRE-G15-ProfessionSante.csv");
        assertThatThrownBy(() -> of("60", "X", null, null, null, null, null, null))
                .hasMessageContaining("--category X").hasMessageContaining("TRE-R09").hasMessageContaining("C Civil");
        assertThatThrownBy(() -> of("60", null, "Z", null, null, null, null, null))
                .hasMessageContaining("--mode Z").hasMessageContaining("L Libéral");
        assertThatThrownBy(() -> of("60", null, null, "SA00", null, null, null, null))
                .hasMessageContaining("--sector SA00").hasMessageContaining("TRE-R02").hasMessageContaining("SA07");
    }

    @Test
    void theProfessionIsRequired() {
        assertThatThrownBy(() -> of(null, null, null, null, null, null, null, null))
                .hasMessageContaining("--profession is required").hasMessageContaining("10 Médecin");
    }

    @Test
    void namesAndStructuresThatCannotBeALineAreRefused() {
        assertThatThrownBy(() -> of("60", null, null, null, null, null, "A|B", null))
                .hasMessageContaining("--first-name");
        assertThatThrownBy(() -> of("60", null, null, null, null, null, null, "X".repeat(51)))
                .hasMessageContaining("--last-name");
        assertThatThrownBy(() -> of("60", null, null, null, "R-1", null, null, null))
                .hasMessageContaining("--structure");
        assertThatThrownBy(() -> of("60", null, null, null, null, "CABINET|X", null, null))
                .hasMessageContaining("--structure-name cannot hold '|'");
    }

    @Test
    void codesAreTakenInAnyCase() {
        TestProfessional professional = of("60", "c", "l", "sa08", "r123", "cabinet", "anne", "test");

        assertThat(professional.category()).isEqualTo("C");
        assertThat(professional.mode()).isEqualTo("L");
        assertThat(professional.sector()).isEqualTo("SA08");
        assertThat(professional.structureId()).isEqualTo("R123");
        assertThat(professional.lastName()).isEqualTo("TEST");
    }
}
