package org.pscfederator.directory;

import java.util.List;

/**
 * One exercice of a professional as PSC shows it ({@code SubjectRefPro.exercices[]}): a profession with one
 * savoir-faire, and the activities under it. The identity fields come from the exercice's first line.
 */
public record Exercice(
        String codeProfession,
        String codeCategorieProfessionnelle,
        String codeCiviliteDexercice,
        String nomDexercice,
        String prenomDexercice,
        String codeTypeSavoirFaire,
        String codeSavoirFaire,
        List<ActivityLine> activities) {

    public Exercice {
        activities = List.copyOf(activities);
    }

    /** Whether {@code line} belongs to the exercice described by {@code first}. */
    static boolean sameExercice(ActivityLine first, ActivityLine line) {
        return first.codeProfession().equals(line.codeProfession())
                && first.codeCategorieProfessionnelle().equals(line.codeCategorieProfessionnelle())
                && first.codeTypeSavoirFaire().equals(line.codeTypeSavoirFaire())
                && first.codeSavoirFaire().equals(line.codeSavoirFaire());
    }
}
