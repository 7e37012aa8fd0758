package org.pscfederator.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pscfederator.core.identifiers.IdNat;
import org.pscfederator.directory.NationalColumn;
import org.pscfederator.directory.NomenclatureTable;
import org.pscfederator.directory.Nomenclatures;

/**
 * A test professional as the national file has it: the header, then one activity line, with the labels of the
 * nomenclatures beside their codes, as ANS's file has them. The server reads it with the import's own reader.
 */
final class ProfessionalLine {

    /** ANS's genre of the activities of care (soin et pharmacie), as the sandbox's shipped lines have. */
    static final String GENRE_CARE = "GENR01";

    private ProfessionalLine() {
    }

    /** The fields of the line, in the national file's order. */
    static List<String> fields(TestProfessional professional, IdNat idNat, Nomenclatures nomenclatures) {
        List<String> fields = new ArrayList<>(Arrays.asList(new String[NationalColumn.COUNT]));
        fields.replaceAll(field -> "");
        String lastName = professional.lastName() != null ? professional.lastName() : defaultLastName(idNat);
        set(fields, NationalColumn.TYPE_IDENTIFIANT_PP, idNat.prefix());
        set(fields, NationalColumn.IDENTIFIANT_PP, idNat.registryId());
        set(fields, NationalColumn.IDENTIFICATION_NATIONALE_PP, idNat.value());
        set(fields, NationalColumn.NOM_EXERCICE, lastName);
        set(fields, NationalColumn.PRENOM_EXERCICE, professional.firstNameOrDefault());
        coded(fields, NationalColumn.CODE_PROFESSION, NationalColumn.LIBELLE_PROFESSION, professional.profession(),
                NomenclatureTable.PROFESSION, nomenclatures);
        coded(fields, NationalColumn.CODE_CATEGORIE_PROFESSIONNELLE, NationalColumn.LIBELLE_CATEGORIE_PROFESSIONNELLE,
                professional.category(), NomenclatureTable.CATEGORIE_PROFESSIONNELLE, nomenclatures);
        coded(fields, NationalColumn.CODE_MODE_EXERCICE, NationalColumn.LIBELLE_MODE_EXERCICE, professional.mode(),
                NomenclatureTable.MODE_EXERCICE, nomenclatures);
        set(fields, NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE, professional.structureId() != null
                ? professional.structureId() : "R" + idNat.registryId());
        set(fields, NationalColumn.RAISON_SOCIALE_SITE, professional.structureName() != null
                ? professional.structureName() : "STRUCTURE TEST " + lastName);
        coded(fields, NationalColumn.CODE_SECTEUR_ACTIVITE, NationalColumn.LIBELLE_SECTEUR_ACTIVITE,
                professional.sector(), NomenclatureTable.SECTEUR_ACTIVITE, nomenclatures);
        coded(fields, NationalColumn.CODE_GENRE_ACTIVITE, NationalColumn.LIBELLE_GENRE_ACTIVITE, GENRE_CARE,
                NomenclatureTable.GENRE_ACTIVITE, nomenclatures);
        return List.copyOf(fields);
    }

    /** The national file of this one professional: header and line, each column followed by '|'. */
    static String nationalFile(TestProfessional professional, IdNat idNat, Nomenclatures nomenclatures) {
        return String.join("|", NationalColumn.headerNames()) + "|\n"
                + String.join("|", fields(professional, idNat, nomenclatures)) + "|\n";
    }

    /** A fictional name that says what it is and tells two test identities apart: IDENTITE + the RPPS's end. */
    static String defaultLastName(IdNat idNat) {
        String registryId = idNat.registryId();
        return "IDENTITE" + registryId.substring(Math.max(0, registryId.length() - 7));
    }

    private static void set(List<String> fields, NationalColumn column, String value) {
        fields.set(column.ordinal(), value);
    }

    private static void coded(List<String> fields, NationalColumn code, NationalColumn label, String value,
            NomenclatureTable table, Nomenclatures nomenclatures) {
        set(fields, code, value);
        set(fields, label, nomenclatures.label(table, value).orElse(""));
    }
}
