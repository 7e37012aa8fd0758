package org.pscfederator.directory;

import org.pscfederator.core.identifiers.RppsNumber;

import static org.pscfederator.directory.NationalColumn.*;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes a national-size file in ANS's format for the benchmark: N professionals and M activity lines, with valid
 * RPPS Luhn keys, sorted by idNat like ANS's file, the same for the same seed. It streams to disk. Everything in it is
 * invented; names are {@code TEST...}.
 *
 * <p>Usage: {@code SyntheticNationalFile FILE [PROFESSIONALS [LINES [SEED]]]} (defaults 1,200,000 / 2,000,000 / 1).
 */
public final class SyntheticNationalFile {

    public static final long DEFAULT_PROFESSIONALS = 1_200_000;
    public static final long DEFAULT_LINES = 2_000_000;
    public static final long DEFAULT_SEED = 1;

    /** Most activities one professional gets; the doctor with 8 activities of the sandbox is common enough. */
    private static final int MAX_LINES_PER_PROFESSIONAL = 30;
    private static final int STRUCTURES = 400_000;
    private static final double ADELI_SHARE = 0.03;
    private static final double NO_ACTIVITY_SHARE = 0.01;

    private static final String[] PROFESSIONS = {"10", "60", "70", "21", "40", "50", "80", "91", "92", "26", "28",
            "94", "95", "96", "98"};
    private static final int[] PROFESSION_WEIGHTS = {35, 30, 10, 8, 5, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1};
    private static final String[][] SPECIALTIES = {{"SM26", "Qualifié en Médecine Générale"},
            {"SM54", "Médecine Générale"}, {"SM40", "Pédiatrie"}, {"SM04", "Cardiologie et Maladies Vasculaires"},
            {"SM42", "Psychiatrie"}, {"SM38", "Ophtalmologie"}};
    private static final String[] FIRST_NAMES = {"CAMILLE", "DOMINIQUE", "CLAUDE", "ALEX", "SASHA", "MORGAN",
            "CHARLIE", "LOUISON", "ANDREA", "MAXIME"};
    private static final String[][] STREET_TYPES = {{"R", "Rue"}, {"AV", "Avenue"}, {"BD", "Boulevard"},
            {"PL", "Place"}};

    private final long professionals;
    private final long lines;
    private final long seed;
    private final Nomenclatures nomenclatures = Nomenclatures.standard();

    public SyntheticNationalFile(long professionals, long lines, long seed) {
        if (professionals < 1 || lines < professionals
                || lines > professionals * MAX_LINES_PER_PROFESSIONAL) {
            throw new IllegalArgumentException("need 1 <= professionals <= lines <= " + MAX_LINES_PER_PROFESSIONAL
                    + " x professionals, got " + professionals + " professionals and " + lines + " lines");
        }
        this.professionals = professionals;
        this.lines = lines;
        this.seed = seed;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 4) {
            System.err.println("usage: SyntheticNationalFile FILE [PROFESSIONALS [LINES [SEED]]]");
            System.exit(2);
        }
        long professionals = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_PROFESSIONALS;
        long lines = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_LINES;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : DEFAULT_SEED;
        long started = System.nanoTime();
        Path file = Path.of(args[0]);
        new SyntheticNationalFile(professionals, lines, seed).writeTo(file);
        System.out.printf("wrote %s: %d professionals, %d lines, seed %d, %.1f s%n", file, professionals, lines,
                seed, (System.nanoTime() - started) / 1e9);
    }

    public void writeTo(Path file) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 20)) {
            writeTo(out);
        }
    }

    /** Writes the header and all lines; does not close {@code out}. */
    public void writeTo(Writer out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder line = new StringBuilder(1024);
        String[] f = new String[NationalColumn.all().length];
        appendLine(line, NationalColumn.headerNames().toArray(new String[0]));
        out.append(line);
        long adeli = Math.round(professionals * ADELI_SHARE);
        long adeliNumber = 100_000_000L;
        long rppsPayload = 1_000_000_000L;
        long extraLeft = lines - professionals;
        for (long p = 0; p < professionals; p++) {
            String type;
            String identifier;
            // Identifiers only increase, ADELI ('0') before RPPS ('8'): the file is sorted by idNat.
            if (p < adeli) {
                adeliNumber += 1 + random.nextInt(50);
                type = "0";
                identifier = Long.toString(adeliNumber);
            } else {
                rppsPayload += 1 + random.nextInt(40);
                type = "8";
                identifier = RppsNumber.withKey(Long.toString(rppsPayload)).value();
            }
            int extra = extraLines(random, extraLeft, professionals - p);
            extraLeft -= extra;
            boolean noActivity = extra == 0 && random.nextDouble() < NO_ACTIVITY_SHARE;
            fillProfessional(f, random, p, type, identifier, p < adeli);
            int firstStructure = random.nextInt(STRUCTURES);
            for (int a = 0; a <= extra; a++) {
                if (noActivity) {
                    Arrays.fill(f, FIRST_ACTIVITY_COLUMN.ordinal(), f.length, "");
                } else {
                    fillActivity(f, random, (firstStructure + a) % STRUCTURES);
                }
                line.setLength(0);
                appendLine(line, f);
                out.append(line);
            }
        }
    }

    /** Extra lines for one professional, random around the mean still to place, so the total comes out exact. */
    private static int extraLines(SplittableRandom random, long extraLeft, long professionalsLeft) {
        double mean = (double) extraLeft / professionalsLeft;
        double draw = -Math.log(1 - random.nextDouble()) * mean + random.nextDouble();
        long extra = Math.min((long) draw, MAX_LINES_PER_PROFESSIONAL - 1);
        extra = Math.min(extra, extraLeft);
        extra = Math.max(extra, extraLeft - (professionalsLeft - 1) * (MAX_LINES_PER_PROFESSIONAL - 1));
        return (int) extra;
    }

    private void fillProfessional(String[] f, SplittableRandom random, long index, String type, String identifier,
            boolean adeli) {
        String profession = adeli ? "60" : pick(random, PROFESSIONS, PROFESSION_WEIGHTS);
        int c = random.nextInt(100);
        String category = c < 95 ? "C" : c < 98 ? "E" : "M";
        boolean woman = random.nextBoolean();
        boolean doctorLike = profession.equals("10") || profession.equals("40");
        f[TYPE_IDENTIFIANT_PP.ordinal()] = type;
        f[IDENTIFIANT_PP.ordinal()] = identifier;
        f[IDENTIFICATION_NATIONALE_PP.ordinal()] = type + identifier;
        coded(f, CODE_CIVILITE_EXERCICE, NomenclatureTable.CIVILITE_EXERCICE, doctorLike ? "DR" : "");
        coded(f, CODE_CIVILITE, NomenclatureTable.CIVILITE, woman ? "MME" : "M");
        f[NOM_EXERCICE.ordinal()] = "TEST" + Long.toString(index, 36).toUpperCase();
        f[PRENOM_EXERCICE.ordinal()] = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        coded(f, CODE_PROFESSION, NomenclatureTable.PROFESSION, profession);
        coded(f, CODE_CATEGORIE_PROFESSIONNELLE, NomenclatureTable.CATEGORIE_PROFESSIONNELLE, category);
        if (profession.equals("10") && !category.equals("E")) {
            String[] specialty = SPECIALTIES[random.nextInt(SPECIALTIES.length)];
            coded(f, CODE_TYPE_SAVOIR_FAIRE, NomenclatureTable.TYPE_SAVOIR_FAIRE, "S");
            f[CODE_SAVOIR_FAIRE.ordinal()] = specialty[0];
            f[LIBELLE_SAVOIR_FAIRE.ordinal()] = specialty[1];
        } else {
            coded(f, CODE_TYPE_SAVOIR_FAIRE, NomenclatureTable.TYPE_SAVOIR_FAIRE, "");
            f[CODE_SAVOIR_FAIRE.ordinal()] = "";
            f[LIBELLE_SAVOIR_FAIRE.ordinal()] = "";
        }
    }

    private void fillActivity(String[] f, SplittableRandom random, int structure) {
        String profession = f[CODE_PROFESSION.ordinal()];
        boolean pharmacist = profession.equals("21");
        boolean military = f[CODE_CATEGORIE_PROFESSIONNELLE.ordinal()].equals("M");
        int m = random.nextInt(100);
        String mode = military ? "S" : m < 58 ? "L" : m < 98 ? "S" : "B";
        String sector;
        String section = "";
        String function = "";
        if (military) {
            sector = "SA02";
        } else if (pharmacist) {
            int s = random.nextInt(4);
            sector = s == 0 ? "SA01" : s == 1 ? "SA25" : "SA33";
            section = s == 0 ? "H" : s == 1 ? "G" : mode.equals("L") ? "A" : "D";
            function = s == 0 ? "FON-37" : s == 1 ? "FON-41" : mode.equals("L") ? "FON-03" : "FON-05";
        } else if (mode.equals("L")) {
            sector = new String[] {"SA07", "SA08", "SA09", "SA52"}[random.nextInt(4)];
            function = random.nextInt(3) == 0 ? "FON-01" : "";
        } else {
            sector = new String[] {"SA01", "SA03", "SA04", "SA05", "SA16", "SA17"}[random.nextInt(6)];
        }
        boolean cabinet = sector.equals("SA07") || sector.equals("SA08") || sector.equals("SA09")
                || sector.equals("SA52");
        int department = 1 + structure % 95;
        String dept = department < 10 ? "0" + department : Integer.toString(department);
        String[] streetType = STREET_TYPES[structure % STREET_TYPES.length];
        coded(f, CODE_MODE_EXERCICE, NomenclatureTable.MODE_EXERCICE, mode);
        f[NUMERO_SIRET_SITE.ordinal()] = cabinet ? Long.toString(10_000_000_000_000L + structure * 7L) : "";
        f[NUMERO_SIREN_SITE.ordinal()] = cabinet ? Long.toString(100_000_000L + structure * 7L) : "";
        f[NUMERO_FINESS_SITE.ordinal()] = cabinet ? "" : dept + Integer.toString(1_000_000 + structure % 9_000_000);
        f[NUMERO_FINESS_ETABLISSEMENT_JURIDIQUE.ordinal()] = cabinet ? ""
                : dept + Integer.toString(2_000_000 + structure % 8_000_000);
        f[IDENTIFIANT_TECHNIQUE_STRUCTURE.ordinal()] = (cabinet ? "R" : "F") + (10_000_000 + structure);
        f[RAISON_SOCIALE_SITE.ordinal()] = (cabinet ? "CABINET TEST " : "ETABLISSEMENT TEST ") + structure;
        f[ENSEIGNE_COMMERCIALE_SITE.ordinal()] = "";
        f[COMPLEMENT_DESTINATAIRE.ordinal()] = "";
        f[COMPLEMENT_POINT_GEOGRAPHIQUE.ordinal()] = structure % 5 == 0 ? "BATIMENT B" : "";
        f[NUMERO_VOIE.ordinal()] = Integer.toString(1 + structure % 150);
        f[INDICE_REPETITION_VOIE.ordinal()] = structure % 11 == 0 ? "B" : "";
        f[CODE_TYPE_VOIE.ordinal()] = streetType[0];
        f[LIBELLE_TYPE_VOIE.ordinal()] = streetType[1];
        f[LIBELLE_VOIE.ordinal()] = "DE LA SANTE " + (structure % 97);
        f[MENTION_DISTRIBUTION.ordinal()] = "";
        String postalCode = dept + Integer.toString(100 + structure % 900);
        f[BUREAU_CEDEX.ordinal()] = postalCode + " VILLE TEST " + department;
        f[CODE_POSTAL.ordinal()] = postalCode;
        f[CODE_COMMUNE.ordinal()] = dept + Integer.toString(100 + structure % 300);
        f[LIBELLE_COMMUNE.ordinal()] = "VILLE TEST " + department;
        f[CODE_PAYS.ordinal()] = "99000";
        f[LIBELLE_PAYS.ordinal()] = "France";
        f[TELEPHONE.ordinal()] = "01" + (10_000_000 + structure);
        f[TELEPHONE_2.ordinal()] = "";
        f[TELECOPIE.ordinal()] = structure % 3 == 0 ? "02" + (10_000_000 + structure) : "";
        f[ADRESSE_EMAIL.ordinal()] = structure % 4 == 0 ? "contact" + structure + "@test.invalid" : "";
        f[CODE_DEPARTEMENT.ordinal()] = dept;
        f[LIBELLE_DEPARTEMENT.ordinal()] = "DEPARTEMENT TEST " + dept;
        f[ANCIEN_IDENTIFIANT_STRUCTURE.ordinal()] = "";
        f[AUTORITE_ENREGISTREMENT.ordinal()] = "ARS/ARS/ARS";
        coded(f, CODE_SECTEUR_ACTIVITE, NomenclatureTable.SECTEUR_ACTIVITE, sector);
        coded(f, CODE_SECTION_TABLEAU_PHARMACIENS, NomenclatureTable.SECTION_TABLEAU_PHARMACIENS, section);
        coded(f, CODE_FONCTION, NomenclatureTable.FONCTION, function);
        coded(f, CODE_GENRE_ACTIVITE, NomenclatureTable.GENRE_ACTIVITE, random.nextInt(20) == 0 ? "GENR02" : "GENR01");
    }

    /** Sets a code column and the label column after it, the label taken from the nomenclature. */
    private void coded(String[] f, NationalColumn codeColumn, NomenclatureTable table, String code) {
        f[codeColumn.ordinal()] = code;
        f[codeColumn.ordinal() + 1] = code.isEmpty() ? "" : nomenclatures.label(table, code).orElseThrow();
    }

    private static String pick(SplittableRandom random, String[] values, int[] weights) {
        int total = Arrays.stream(weights).sum();
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static void appendLine(StringBuilder line, String[] fields) {
        for (String field : fields) {
            line.append(field).append('|');
        }
        line.append('\n');
    }
}
