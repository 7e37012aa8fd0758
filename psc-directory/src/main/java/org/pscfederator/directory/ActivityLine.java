package org.pscfederator.directory;

import org.pscfederator.core.identifiers.InvalidIdNatException;

import org.pscfederator.core.identifiers.IdNat;

import static org.pscfederator.directory.NationalColumn.*;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One line of the national file: one activity of one professional (or, with its activity columns empty, a
 * professional without activity). Accessors are named after {@link NationalColumn}; empty columns are "".
 */
public final class ActivityLine {

    private static final int COLUMNS = NationalColumn.all().length;

    private final long lineNumber;
    private final IdNat idNat;
    private final String[] fields;

    /** The reader's constructor: {@code fields} is already checked and not shared. */
    ActivityLine(long lineNumber, IdNat idNat, String[] fields) {
        this.lineNumber = lineNumber;
        this.idNat = idNat;
        this.fields = fields;
    }

    /**
     * A line from its 56 values in file order (for tests and tools).
     *
     * @throws InvalidIdNatException when the "Identification nationale PP" value is not a valid idNat
     */
    public static ActivityLine of(List<String> values) {
        if (values.size() != COLUMNS) {
            throw new IllegalArgumentException(values.size() + " values instead of " + COLUMNS);
        }
        String[] copy = new String[COLUMNS];
        for (int i = 0; i < COLUMNS; i++) {
            copy[i] = Objects.requireNonNull(values.get(i), "value " + i);
        }
        return new ActivityLine(0, IdNat.parse(copy[IDENTIFICATION_NATIONALE_PP.ordinal()]), copy);
    }

    /** The line number in the file (the header is line 1); 0 when not read from a file. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The parsed "Identification nationale PP". */
    public IdNat idNat() {
        return idNat;
    }

    public String get(NationalColumn column) {
        return fields[column.ordinal()];
    }

    /** The values in file order. */
    public List<String> values() {
        return List.of(fields);
    }

    /** False for the line of a professional without activity: every activity column is empty. */
    public boolean hasActivity() {
        for (int i = FIRST_ACTIVITY_COLUMN.ordinal(); i < COLUMNS; i++) {
            if (!fields[i].isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The key that makes two lines the same activity (see {@link ActivityKey}). */
    public ActivityKey activityKey() {
        return ActivityKey.of(this);
    }

    public String typeIdentifiantPp() {
        return fields[TYPE_IDENTIFIANT_PP.ordinal()];
    }

    public String identifiantPp() {
        return fields[IDENTIFIANT_PP.ordinal()];
    }

    public String identificationNationalePp() {
        return fields[IDENTIFICATION_NATIONALE_PP.ordinal()];
    }

    public String codeCiviliteExercice() {
        return fields[CODE_CIVILITE_EXERCICE.ordinal()];
    }

    public String libelleCiviliteExercice() {
        return fields[LIBELLE_CIVILITE_EXERCICE.ordinal()];
    }

    public String codeCivilite() {
        return fields[CODE_CIVILITE.ordinal()];
    }

    public String libelleCivilite() {
        return fields[LIBELLE_CIVILITE.ordinal()];
    }

    public String nomExercice() {
        return fields[NOM_EXERCICE.ordinal()];
    }

    public String prenomExercice() {
        return fields[PRENOM_EXERCICE.ordinal()];
    }

    public String codeProfession() {
        return fields[CODE_PROFESSION.ordinal()];
    }

    public String libelleProfession() {
        return fields[LIBELLE_PROFESSION.ordinal()];
    }

    public String codeCategorieProfessionnelle() {
        return fields[CODE_CATEGORIE_PROFESSIONNELLE.ordinal()];
    }

    public String libelleCategorieProfessionnelle() {
        return fields[LIBELLE_CATEGORIE_PROFESSIONNELLE.ordinal()];
    }

    public String codeTypeSavoirFaire() {
        return fields[CODE_TYPE_SAVOIR_FAIRE.ordinal()];
    }

    public String libelleTypeSavoirFaire() {
        return fields[LIBELLE_TYPE_SAVOIR_FAIRE.ordinal()];
    }

    public String codeSavoirFaire() {
        return fields[CODE_SAVOIR_FAIRE.ordinal()];
    }

    public String libelleSavoirFaire() {
        return fields[LIBELLE_SAVOIR_FAIRE.ordinal()];
    }

    public String codeModeExercice() {
        return fields[CODE_MODE_EXERCICE.ordinal()];
    }

    public String libelleModeExercice() {
        return fields[LIBELLE_MODE_EXERCICE.ordinal()];
    }

    public String numeroSiretSite() {
        return fields[NUMERO_SIRET_SITE.ordinal()];
    }

    public String numeroSirenSite() {
        return fields[NUMERO_SIREN_SITE.ordinal()];
    }

    public String numeroFinessSite() {
        return fields[NUMERO_FINESS_SITE.ordinal()];
    }

    public String numeroFinessEtablissementJuridique() {
        return fields[NUMERO_FINESS_ETABLISSEMENT_JURIDIQUE.ordinal()];
    }

    public String identifiantTechniqueStructure() {
        return fields[IDENTIFIANT_TECHNIQUE_STRUCTURE.ordinal()];
    }

    public String raisonSocialeSite() {
        return fields[RAISON_SOCIALE_SITE.ordinal()];
    }

    public String enseigneCommercialeSite() {
        return fields[ENSEIGNE_COMMERCIALE_SITE.ordinal()];
    }

    public String complementDestinataire() {
        return fields[COMPLEMENT_DESTINATAIRE.ordinal()];
    }

    public String complementPointGeographique() {
        return fields[COMPLEMENT_POINT_GEOGRAPHIQUE.ordinal()];
    }

    public String numeroVoie() {
        return fields[NUMERO_VOIE.ordinal()];
    }

    public String indiceRepetitionVoie() {
        return fields[INDICE_REPETITION_VOIE.ordinal()];
    }

    public String codeTypeVoie() {
        return fields[CODE_TYPE_VOIE.ordinal()];
    }

    public String libelleTypeVoie() {
        return fields[LIBELLE_TYPE_VOIE.ordinal()];
    }

    public String libelleVoie() {
        return fields[LIBELLE_VOIE.ordinal()];
    }

    public String mentionDistribution() {
        return fields[MENTION_DISTRIBUTION.ordinal()];
    }

    public String bureauCedex() {
        return fields[BUREAU_CEDEX.ordinal()];
    }

    public String codePostal() {
        return fields[CODE_POSTAL.ordinal()];
    }

    public String codeCommune() {
        return fields[CODE_COMMUNE.ordinal()];
    }

    public String libelleCommune() {
        return fields[LIBELLE_COMMUNE.ordinal()];
    }

    public String codePays() {
        return fields[CODE_PAYS.ordinal()];
    }

    public String libellePays() {
        return fields[LIBELLE_PAYS.ordinal()];
    }

    public String telephone() {
        return fields[TELEPHONE.ordinal()];
    }

    public String telephone2() {
        return fields[TELEPHONE_2.ordinal()];
    }

    public String telecopie() {
        return fields[TELECOPIE.ordinal()];
    }

    public String adresseEmail() {
        return fields[ADRESSE_EMAIL.ordinal()];
    }

    public String codeDepartement() {
        return fields[CODE_DEPARTEMENT.ordinal()];
    }

    public String libelleDepartement() {
        return fields[LIBELLE_DEPARTEMENT.ordinal()];
    }

    public String ancienIdentifiantStructure() {
        return fields[ANCIEN_IDENTIFIANT_STRUCTURE.ordinal()];
    }

    public String autoriteEnregistrement() {
        return fields[AUTORITE_ENREGISTREMENT.ordinal()];
    }

    public String codeSecteurActivite() {
        return fields[CODE_SECTEUR_ACTIVITE.ordinal()];
    }

    public String libelleSecteurActivite() {
        return fields[LIBELLE_SECTEUR_ACTIVITE.ordinal()];
    }

    public String codeSectionTableauPharmaciens() {
        return fields[CODE_SECTION_TABLEAU_PHARMACIENS.ordinal()];
    }

    public String libelleSectionTableauPharmaciens() {
        return fields[LIBELLE_SECTION_TABLEAU_PHARMACIENS.ordinal()];
    }

    public String codeFonction() {
        return fields[CODE_FONCTION.ordinal()];
    }

    public String libelleFonction() {
        return fields[LIBELLE_FONCTION.ordinal()];
    }

    public String codeGenreActivite() {
        return fields[CODE_GENRE_ACTIVITE.ordinal()];
    }

    public String libelleGenreActivite() {
        return fields[LIBELLE_GENRE_ACTIVITE.ordinal()];
    }
    @Override
    public boolean equals(Object o) {
        return o instanceof ActivityLine && Arrays.equals(((ActivityLine) o).fields, fields);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fields);
    }

    @Override
    public String toString() {
        return "ActivityLine[line " + lineNumber + ", " + idNat + ", " + codeProfession() + ", "
                + identifiantTechniqueStructure() + "]";
    }
}
