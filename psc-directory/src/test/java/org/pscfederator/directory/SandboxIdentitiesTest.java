package org.pscfederator.directory;

import org.pscfederator.core.identifiers.IdNatKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SandboxIdentitiesTest {

    private static final Map<String, Professional> professionals = new LinkedHashMap<>();
    private static final List<StaffMember> staff = new ArrayList<>();
    private static ImportReport nationalReport;
    private static ImportReport staffReport;

    @BeforeAll
    static void readBothFiles() throws IOException {
        ProfessionalGrouper grouper = new ProfessionalGrouper(p -> professionals.put(p.idNat().value(), p));
        nationalReport = NationalFileReader.standard().read(SandboxFiles.nationalFile(), grouper);
        grouper.finish();
        staffReport = StaffFileReader.standard().read(SandboxFiles.staffFile(), staff::add);
    }

    @Test
    void bothFilesReadWithoutAnyProblem() {
        assertThat(nationalReport.problems()).isEmpty();
        assertThat(staffReport.problems()).isEmpty();
        assertThat(nationalReport.professionals()).isEqualTo(professionals.size()).isGreaterThanOrEqualTo(15);
        assertThat(staff).hasSize(2);
    }

    @Test
    void publicAnsSandboxIdentitiesCarryTheirPublishedData() {
        Professional kit = professionals.get("899700366240");
        assertThat(kit.prenomDexercice()).isEqualTo("KIT");
        assertThat(kit.nomDexercice()).isEqualTo("DOC0036624");
        assertThat(kit.codeCivilite()).isEqualTo("M");
        assertThat(kit.exercices()).singleElement().satisfies(e -> {
            assertThat(e.codeProfession()).isEqualTo("10");
            assertThat(e.codeCiviliteDexercice()).isEqualTo("DR");
            assertThat(e.codeSavoirFaire()).isEqualTo("SM26");
        });
        List<ActivityLine> activities = kit.activities();
        assertThat(activities).extracting(ActivityLine::codeModeExercice).containsExactly("L", "S");
        ActivityLine liberal = activities.get(0);
        assertThat(liberal.identifiantTechniqueStructure()).isEqualTo("R95141");
        assertThat(liberal.raisonSocialeSite()).isEqualTo("CABINET M DOC0036624");
        assertThat(liberal.complementDestinataire()).isEqualTo("CABINET M DOC");
        assertThat(liberal.bureauCedex()).isEqualTo("75009 PARIS");
        assertThat(liberal.codePays()).isEqualTo("99000");
        assertThat(liberal.ancienIdentifiantStructure()).isEqualTo("499700366240007");
        assertThat(liberal.autoriteEnregistrement()).isEqualTo("CNOM/CNOM/CNOM");
        assertThat(liberal.codeSecteurActivite()).isEqualTo("SA07");
        assertThat(activities.get(1).codeSecteurActivite()).isEqualTo("SA01");

        Professional robert = professionals.get("899700218896");
        assertThat(robert.prenomDexercice()).isEqualTo("ROBERT");
        assertThat(robert.nomDexercice()).isEqualTo("SPECIALISTE0021889");
        assertThat(robert.exercices().get(0).codeProfession()).isEqualTo("10");

        assertThat(professionals.get("899700427869").nomDexercice()).isEqualTo("DOC0042786");
        assertThat(professionals.get("899700427869").prenomDexercice()).isEqualTo("KIT");
    }

    @Test
    void requiredSituationsArePresent() {
        assertThat(professionals.values()).anySatisfy(p -> {
            assertThat(p.exercices().get(0).codeProfession()).isEqualTo("21");
            assertThat(p.activities().get(0).codeSectionTableauPharmaciens()).isNotEmpty();
        });
        assertThat(professionals.values()).anySatisfy(p -> {
            assertThat(p.idNat().kind()).isEqualTo(IdNatKind.ADELI);
            assertThat(p.exercices().get(0).codeProfession()).isEqualTo("60");
        });
        for (String profession : List.of("50", "70", "40")) {
            assertThat(professionals.values()).as(profession)
                    .anySatisfy(p -> assertThat(p.exercices().get(0).codeProfession()).isEqualTo(profession));
        }
        assertThat(professionals.values()).anySatisfy(p -> {
            assertThat(p.exercices().get(0).codeProfession()).isEqualTo("10");
            assertThat(p.activities()).hasSize(8);
        });
        assertThat(professionals.values()).anySatisfy(
                p -> assertThat(p.exercices().get(0).codeCategorieProfessionnelle()).isEqualTo("E"));
        assertThat(professionals.values()).anySatisfy(p -> {
            assertThat(p.exercices().get(0).codeCategorieProfessionnelle()).isEqualTo("M");
            assertThat(p.activities().get(0).codeSecteurActivite()).isEqualTo("SA02");
        });
        assertThat(professionals.values())
                .anySatisfy(p -> assertThat(p.idNat().kind()).isEqualTo(IdNatKind.EDIT));
        assertThat(professionals.values()).anySatisfy(p -> {
            assertThat(p.activities()).isEmpty();
            assertThat(p.exercices()).hasSize(1);
        });
    }

    @Test
    void staffFileHasACpeAndACpaHolder() {
        assertThat(staff).extracting(StaffMember::cardType)
                .containsExactlyInAnyOrder(StaffCardType.CPE, StaffCardType.CPA);
        assertThat(staff).allSatisfy(m -> assertThat(m.idNat().kind()).isEqualTo(IdNatKind.STRUCTURE_STAFF));
        assertThat(staff).extracting(m -> m.idNat().value()).contains("3500000001815646/CPAT00045");
    }
}
