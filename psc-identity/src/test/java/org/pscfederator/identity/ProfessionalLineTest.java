package org.pscfederator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pscfederator.core.identifiers.IdNat;
import org.pscfederator.core.identifiers.TestIdentityRange;
import org.pscfederator.directory.ActivityLine;
import org.pscfederator.directory.ImportReport;
import org.pscfederator.directory.NationalColumn;
import org.pscfederator.directory.NationalFileReader;
import org.pscfederator.directory.Nomenclatures;

/** The line of a created test professional is one the directory's import reads without a single warning. */
@Tag("psc-directory")
class ProfessionalLineTest {

    private static final Nomenclatures NOMENCLATURES = Nomenclatures.standard();
    private static final IdNat ID_NAT = TestIdentityRange.draw(new SplittableRandom(3));

    @Test
    void aLiberalNurseIsReadByTheImportWithoutAProblem() throws Exception {
        TestProfessional nurse = TestProfessional.from(new TestProfessional.Given("60", null, "L", null, null, null,
                null, null), NOMENCLATURES);

        ActivityLine line = readBack(ProfessionalLine.nationalFile(nurse, ID_NAT, NOMENCLATURES));

        assertThat(line.idNat()).isEqualTo(ID_NAT);
        assertThat(line.typeIdentifiantPp()).isEqualTo("8");
        assertThat(line.identifiantPp()).isEqualTo(ID_NAT.registryId());
        assertThat(line.codeProfession()).isEqualTo("60");
        assertThat(line.libelleProfession()).isEqualTo("Infirmier");
        assertThat(line.codeCategorieProfessionnelle()).isEqualTo("C");
        assertThat(line.codeModeExercice()).isEqualTo("L");
        assertThat(line.get(NationalColumn.CODE_SECTEUR_ACTIVITE)).isEqualTo("SA07");
        assertThat(line.get(NationalColumn.LIBELLE_SECTEUR_ACTIVITE)).isEqualTo("Cabinet individuel");
        assertThat(line.hasActivity()).isTrue();
        assertThat(line.prenomExercice()).isEqualTo("TEST");
        assertThat(line.nomExercice()).isEqualTo(ProfessionalLine.defaultLastName(ID_NAT)).startsWith("IDENTITE");
        assertThat(line.identifiantTechniqueStructure()).isEqualTo("R" + ID_NAT.registryId());
    }

    @Test
    void everyOptionGivenIsInTheLine() throws Exception {
        TestProfessional doctor = TestProfessional.from(new TestProfessional.Given("10", "M", "S", "SA02",
                "R10000012345", "Hôpital d'instruction des armées", "Jean-Marie", "d'Artagnan"), NOMENCLATURES);

        ActivityLine line = readBack(ProfessionalLine.nationalFile(doctor, ID_NAT, NOMENCLATURES));

        assertThat(line.codeProfession()).isEqualTo("10");
        assertThat(line.libelleCategorieProfessionnelle()).isEqualTo("Agent public");
        assertThat(line.codeModeExercice()).isEqualTo("S");
        assertThat(line.get(NationalColumn.CODE_SECTEUR_ACTIVITE)).isEqualTo("SA02");
        assertThat(line.identifiantTechniqueStructure()).isEqualTo("R10000012345");
        assertThat(line.get(NationalColumn.RAISON_SOCIALE_SITE)).isEqualTo("HÔPITAL D'INSTRUCTION DES ARMÉES");
        assertThat(line.prenomExercice()).isEqualTo("JEAN-MARIE");
        assertThat(line.nomExercice()).isEqualTo("D'ARTAGNAN");
    }

    @Test
    void salariedPracticeDefaultsToAPublicHospital() {
        TestProfessional salaried = TestProfessional.from(new TestProfessional.Given("50", null, "s", null, null, null,
                null, null), NOMENCLATURES);

        assertThat(salaried.mode()).isEqualTo("S");
        assertThat(salaried.sector()).isEqualTo("SA01");
    }

    @Test
    void everyProfessionOfTheNomenclatureMakesALineTheImportTakes() throws Exception {
        for (String profession : NOMENCLATURES.table(org.pscfederator.directory.NomenclatureTable.PROFESSION)
                .codes()) {
            TestProfessional professional = TestProfessional.from(new TestProfessional.Given(profession, null, null,
                    null, null, null, null, null), NOMENCLATURES);
            assertThat(readBack(ProfessionalLine.nationalFile(professional, ID_NAT, NOMENCLATURES)).codeProfession())
                    .isEqualTo(profession);
        }
    }

    /** Reads the text with the import's reader; fails on any problem, warnings included. */
    private static ActivityLine readBack(String nationalFile) throws Exception {
        List<ActivityLine> lines = new ArrayList<>();
        ImportReport report = NationalFileReader.standard().read(new ByteArrayInputStream(
                nationalFile.getBytes(StandardCharsets.UTF_8)), lines::add);
        assertThat(report.problems()).as(report.summary()).isEmpty();
        assertThat(report.isRefused()).isFalse();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }
}
