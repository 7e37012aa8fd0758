package org.pscfederator.directory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds national-file lines for tests: a valid liberal doctor line, with chosen columns changed. */
final class NationalLines {

    static final String HEADER = String.join("|", NationalColumn.headerNames()) + "|";

    private final Map<NationalColumn, String> values = new EnumMap<>(NationalColumn.class);

    private NationalLines() {
        for (NationalColumn c : NationalColumn.values()) {
            values.put(c, "");
        }
        idNat("8", "99700366240");
        set(NationalColumn.CODE_CIVILITE, "M");
        set(NationalColumn.LIBELLE_CIVILITE, "Monsieur");
        set(NationalColumn.CODE_CIVILITE_EXERCICE, "DR");
        set(NationalColumn.NOM_EXERCICE, "DOC0036624");
        set(NationalColumn.PRENOM_EXERCICE, "KIT");
        set(NationalColumn.CODE_PROFESSION, "10");
        set(NationalColumn.LIBELLE_PROFESSION, "Médecin");
        set(NationalColumn.CODE_CATEGORIE_PROFESSIONNELLE, "C");
        set(NationalColumn.CODE_MODE_EXERCICE, "L");
        set(NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE, "R95141");
        set(NationalColumn.RAISON_SOCIALE_SITE, "CABINET M DOC0036624");
        set(NationalColumn.CODE_SECTEUR_ACTIVITE, "SA07");
        set(NationalColumn.LIBELLE_SECTEUR_ACTIVITE, "Cabinet individuel");
        set(NationalColumn.CODE_GENRE_ACTIVITE, "GENR01");
    }

    static NationalLines doctor() {
        return new NationalLines();
    }

    NationalLines idNat(String type, String identifier) {
        set(NationalColumn.TYPE_IDENTIFIANT_PP, type);
        set(NationalColumn.IDENTIFIANT_PP, identifier);
        return set(NationalColumn.IDENTIFICATION_NATIONALE_PP, type + identifier);
    }

    NationalLines set(NationalColumn column, String value) {
        values.put(column, value);
        return this;
    }

    NationalLines withoutActivity() {
        for (NationalColumn c : NationalColumn.values()) {
            if (c.ordinal() >= NationalColumn.FIRST_ACTIVITY_COLUMN.ordinal()) {
                values.put(c, "");
            }
        }
        return this;
    }

    /** The line, with its trailing '|' and no newline. */
    String line() {
        List<String> v = new ArrayList<>(values.values());
        return String.join("|", v) + "|";
    }

    /** The header then the lines, each followed by a newline, as UTF-8. */
    static byte[] file(String... lines) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (String line : lines) {
            s.append(line).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String withoutLastColumn(String line) {
        return line.substring(0, line.lastIndexOf('|', line.length() - 2) + 1);
    }
}
