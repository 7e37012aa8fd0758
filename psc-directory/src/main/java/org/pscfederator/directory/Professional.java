package org.pscfederator.directory;

import org.pscfederator.core.identifiers.IdNat;

import java.util.ArrayList;
import java.util.List;

/**
 * A professional seen through the lines of the national file that carry its idNat, shaped like PSC's
 * {@code SubjectRefPro}: exercices (one per profession, category and savoir-faire, in order of first appearance),
 * each with its activities (the lines that have one). A line without activity still makes its exercice appear.
 */
public final class Professional {

    private final IdNat idNat;
    private final List<ActivityLine> lines;
    private final List<Exercice> exercices;

    private Professional(IdNat idNat, List<ActivityLine> lines, List<Exercice> exercices) {
        this.idNat = idNat;
        this.lines = lines;
        this.exercices = exercices;
    }

    /** @throws IllegalArgumentException when {@code lines} is empty or mixes identifiers */
    public static Professional of(List<ActivityLine> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a professional needs at least one line");
        }
        IdNat idNat = lines.get(0).idNat();
        List<ActivityLine> firsts = new ArrayList<>();
        List<List<ActivityLine>> activities = new ArrayList<>();
        for (ActivityLine line : lines) {
            if (!line.idNat().equals(idNat)) {
                throw new IllegalArgumentException("lines of " + idNat + " and " + line.idNat() + " mixed");
            }
            int index = indexOfExercice(firsts, line);
            if (index < 0) {
                firsts.add(line);
                activities.add(new ArrayList<>());
                index = firsts.size() - 1;
            }
            if (line.hasActivity()) {
                activities.get(index).add(line);
            }
        }
        List<Exercice> exercices = new ArrayList<>();
        for (int i = 0; i < firsts.size(); i++) {
            ActivityLine f = firsts.get(i);
            exercices.add(new Exercice(f.codeProfession(), f.codeCategorieProfessionnelle(),
                    f.codeCiviliteExercice(), f.nomExercice(), f.prenomExercice(), f.codeTypeSavoirFaire(),
                    f.codeSavoirFaire(), activities.get(i)));
        }
        return new Professional(idNat, List.copyOf(lines), List.copyOf(exercices));
    }

    private static int indexOfExercice(List<ActivityLine> firsts, ActivityLine line) {
        for (int i = 0; i < firsts.size(); i++) {
            if (Exercice.sameExercice(firsts.get(i), line)) {
                return i;
            }
        }
        return -1;
    }

    public IdNat idNat() {
        return idNat;
    }

    /** {@code SubjectRefPro.codeCivilite}, from the first line. */
    public String codeCivilite() {
        return lines.get(0).codeCivilite();
    }

    /** {@code family_name}: the exercice name of the first line. */
    public String nomDexercice() {
        return lines.get(0).nomExercice();
    }

    /** {@code given_name}: the exercice first name of the first line. */
    public String prenomDexercice() {
        return lines.get(0).prenomExercice();
    }

    public List<Exercice> exercices() {
        return exercices;
    }

    /** All of its lines, in file order. */
    public List<ActivityLine> lines() {
        return lines;
    }

    /** Its activities across exercices, in file order. */
    public List<ActivityLine> activities() {
        return lines.stream().filter(ActivityLine::hasActivity).toList();
    }

    @Override
    public String toString() {
        return "Professional[" + idNat + ", " + exercices.size() + " exercices, " + activities().size()
                + " activities]";
    }
}
