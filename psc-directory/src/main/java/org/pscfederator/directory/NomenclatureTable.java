package org.pscfederator.directory;

/**
 * The ANS nomenclature tables (NOS "TRE") the directory uses. Their values are data files under
 * {@code directory/nomenclatures/}, one {@code code;label} CSV per table, named {@code <id>-<name>.csv}.
 */
public enum NomenclatureTable {

    PROFESSION("TRE-G15", "ProfessionSante"),
    CATEGORIE_PROFESSIONNELLE("TRE-R09", "CategorieProfessionnelle"),
    MODE_EXERCICE("TRE-R23", "ModeExercice"),
    SECTEUR_ACTIVITE("TRE-R02", "SecteurActivite"),
    CIVILITE_EXERCICE("TRE-R11", "CiviliteExercice"),
    CIVILITE("TRE-R81", "Civilite"),
    TYPE_SAVOIR_FAIRE("TRE-R04", "TypeSavoirFaire"),
    SECTION_TABLEAU_PHARMACIENS("TRE-G05", "SousSectionTableauCNOP"),
    GENRE_ACTIVITE("TRE-R22", "GenreActivite"),
    FONCTION("TRE-R21", "Fonction");

    private final String id;
    private final String tableName;

    NomenclatureTable(String id, String tableName) {
        this.id = id;
        this.tableName = tableName;
    }

    /** ANS's identifier, e.g. {@code TRE-G15}. */
    public String id() {
        return id;
    }

    /** ANS's name, e.g. {@code ProfessionSante}. */
    public String tableName() {
        return tableName;
    }

    /** The classpath resource holding the values. */
    public String resource() {
        return "directory/nomenclatures/" + id + "-" + tableName + ".csv";
    }

    @Override
    public String toString() {
        return id + " " + tableName;
    }
}
