package org.pscfederator.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProfessionalGrouperTest {

    private static ActivityLine line(NationalLines builder) {
        return ActivityLine.of(Arrays.asList(builder.line().split("\\|", -1)).subList(0, 56));
    }

    @Test
    void consecutiveLinesOfOneIdNatMakeOneProfessional() {
        List<Professional> out = new ArrayList<>();
        ProfessionalGrouper grouper = new ProfessionalGrouper(out::add);

        grouper.accept(line(NationalLines.doctor()));
        grouper.accept(line(NationalLines.doctor().set(NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE, "F1")));
        grouper.accept(line(NationalLines.doctor().idNat("8", "99700427869")));
        grouper.finish();

        assertThat(out).extracting(p -> p.idNat().value()).containsExactly("899700366240", "899700427869");
        assertThat(out.get(0).activities()).hasSize(2);
        assertThat(out.get(0).lines()).hasSize(2);
    }

    @Test
    void eachSavoirFaireIsAnExerciceWithItsActivities() {
        Professional p = Professional.of(List.of(
                line(NationalLines.doctor().set(NationalColumn.CODE_TYPE_SAVOIR_FAIRE, "S")
                        .set(NationalColumn.CODE_SAVOIR_FAIRE, "SM26")),
                line(NationalLines.doctor().set(NationalColumn.CODE_TYPE_SAVOIR_FAIRE, "CAPA")
                        .set(NationalColumn.CODE_SAVOIR_FAIRE, "CAPA05")),
                line(NationalLines.doctor().set(NationalColumn.CODE_TYPE_SAVOIR_FAIRE, "S")
                        .set(NationalColumn.CODE_SAVOIR_FAIRE, "SM26")
                        .set(NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE, "F1"))));

        assertThat(p.exercices()).extracting(Exercice::codeSavoirFaire).containsExactly("SM26", "CAPA05");
        assertThat(p.exercices().get(0).activities()).extracting(ActivityLine::identifiantTechniqueStructure)
                .containsExactly("R95141", "F1");
        assertThat(p.exercices().get(0).nomDexercice()).isEqualTo("DOC0036624");
    }

    @Test
    void lineWithoutActivityGivesAnExerciceWithoutActivities() {
        Professional p = Professional.of(List.of(line(NationalLines.doctor().withoutActivity())));

        assertThat(p.exercices()).singleElement().satisfies(e -> assertThat(e.activities()).isEmpty());
        assertThat(p.activities()).isEmpty();
    }

    @Test
    void linesOfTwoIdNatsCannotMakeOneProfessional() {
        assertThatThrownBy(() -> Professional.of(List.of(line(NationalLines.doctor()),
                line(NationalLines.doctor().idNat("8", "99700427869"))))).hasMessageContaining("mixed");
        assertThatThrownBy(() -> Professional.of(List.of())).hasMessageContaining("at least one line");
    }
}
