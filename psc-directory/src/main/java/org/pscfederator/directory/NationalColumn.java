package org.pscfederator.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The 56 columns of ANS's {@code PS_LibreAcces_Personne_activite_<date>.txt}, in file order (the ordinal is the
 * column index), with the exact header names, the PSC claim each feeds, and the nomenclature its code is checked
 * against. This is the one place that knows the format; the claims mappers can reuse {@link #pscClaim()}.
 *
 * <p>Claim paths: {@code SubjectRefPro.exercices[].x} is a field of an exercice (one per profession and
 * savoir-faire), {@code ...activities[].x} a field of an activity (one per line). Some columns also feed top-level
 * claims; those are noted in comments.
 */
public enum NationalColumn {

    TYPE_IDENTIFIANT_PP("Type d'identifiant PP", null),
    IDENTIFIANT_PP("Identifiant PP", null),
    // Also preferred_username, and otherIds[].identifiant.
    IDENTIFICATION_NATIONALE_PP("Identification nationale PP", "SubjectNameID"),
    // PSC's sandbox shows "M" here (a TRE-R81 civilité), so both tables are accepted.
    CODE_CIVILITE_EXERCICE("Code civilité d'exercice", Claims.EXERCICE + "codeCiviliteDexercice",
            NomenclatureTable.CIVILITE_EXERCICE, NomenclatureTable.CIVILITE),
    LIBELLE_CIVILITE_EXERCICE("Libellé civilité d'exercice", null),
    CODE_CIVILITE("Code civilité", "SubjectRefPro.codeCivilite", NomenclatureTable.CIVILITE),
    LIBELLE_CIVILITE("Libellé civilité", null),
    // Also family_name.
    NOM_EXERCICE("Nom d'exercice", Claims.EXERCICE + "nomDexercice"),
    // Also given_name.
    PRENOM_EXERCICE("Prénom d'exercice", Claims.EXERCICE + "prenomDexercice"),
    // Also SubjectRole ("<code>^1.2.250.1.213.1.1.5.5").
    CODE_PROFESSION("Code profession", Claims.EXERCICE + "codeProfession", NomenclatureTable.PROFESSION),
    LIBELLE_PROFESSION("Libellé profession", null),
    CODE_CATEGORIE_PROFESSIONNELLE("Code catégorie professionnelle",
            Claims.EXERCICE + "codeCategorieProfessionnelle", NomenclatureTable.CATEGORIE_PROFESSIONNELLE),
    LIBELLE_CATEGORIE_PROFESSIONNELLE("Libellé catégorie professionnelle", null),
    CODE_TYPE_SAVOIR_FAIRE("Code type savoir-faire", Claims.EXERCICE + "codeTypeSavoirFaire",
            NomenclatureTable.TYPE_SAVOIR_FAIRE),
    LIBELLE_TYPE_SAVOIR_FAIRE("Libellé type savoir-faire", null),
    // Savoir-faire codes span a dozen ANS tables; not checked.
    CODE_SAVOIR_FAIRE("Code savoir-faire", Claims.EXERCICE + "codeSavoirFaire"),
    LIBELLE_SAVOIR_FAIRE("Libellé savoir-faire", null),
    CODE_MODE_EXERCICE("Code mode exercice", Claims.ACTIVITY + "codeModeExercice", NomenclatureTable.MODE_EXERCICE),
    LIBELLE_MODE_EXERCICE("Libellé mode exercice", null),
    NUMERO_SIRET_SITE("Numéro SIRET site", Claims.ACTIVITY + "numeroSiretSite"),
    NUMERO_SIREN_SITE("Numéro SIREN site", Claims.ACTIVITY + "numeroSirenSite"),
    NUMERO_FINESS_SITE("Numéro FINESS site", Claims.ACTIVITY + "numeroFinessSite"),
    NUMERO_FINESS_ETABLISSEMENT_JURIDIQUE("Numéro FINESS établissement juridique",
            Claims.ACTIVITY + "numeroFinessetablissementJuridique"),
    // Also SubjectOrganizationID (of the activity PSC picks).
    IDENTIFIANT_TECHNIQUE_STRUCTURE("Identifiant technique de la structure",
            Claims.ACTIVITY + "identifiantTechniqueDeLaStructure"),
    // Also SubjectOrganization.
    RAISON_SOCIALE_SITE("Raison sociale site", Claims.ACTIVITY + "raisonSocialeSite"),
    ENSEIGNE_COMMERCIALE_SITE("Enseigne commerciale site", Claims.ACTIVITY + "enseigneCommercialeSite"),
    COMPLEMENT_DESTINATAIRE("Complément destinataire (coord. structure)",
            Claims.ACTIVITY + "complementDestinataire"),
    COMPLEMENT_POINT_GEOGRAPHIQUE("Complément point géographique (coord. structure)",
            Claims.ACTIVITY + "complementPointGeographique"),
    NUMERO_VOIE("Numéro Voie (coord. structure)", Claims.ACTIVITY + "numeroVoie"),
    INDICE_REPETITION_VOIE("Indice répétition voie (coord. structure)", Claims.ACTIVITY + "indiceRepetitionVoie"),
    CODE_TYPE_VOIE("Code type de voie (coord. structure)", Claims.ACTIVITY + "codeTypeDeVoie"),
    LIBELLE_TYPE_VOIE("Libellé type de voie (coord. structure)", null),
    LIBELLE_VOIE("Libellé Voie (coord. structure)", Claims.ACTIVITY + "libelleVoie"),
    MENTION_DISTRIBUTION("Mention distribution (coord. structure)", Claims.ACTIVITY + "mentionDistribution"),
    BUREAU_CEDEX("Bureau cedex (coord. structure)", Claims.ACTIVITY + "bureauCedex"),
    CODE_POSTAL("Code postal (coord. structure)", Claims.ACTIVITY + "codePostal"),
    CODE_COMMUNE("Code commune (coord. structure)", Claims.ACTIVITY + "codeCommune"),
    LIBELLE_COMMUNE("Libellé commune (coord. structure)", null),
    CODE_PAYS("Code pays (coord. structure)", Claims.ACTIVITY + "codePays"),
    LIBELLE_PAYS("Libellé pays (coord. structure)", null),
    TELEPHONE("Téléphone (coord. structure)", Claims.ACTIVITY + "telephone"),
    TELEPHONE_2("Téléphone 2 (coord. structure)", Claims.ACTIVITY + "telephone2"),
    TELECOPIE("Télécopie (coord. structure)", Claims.ACTIVITY + "telecopie"),
    ADRESSE_EMAIL("Adresse e-mail (coord. structure)", Claims.ACTIVITY + "adresseEMail"),
    CODE_DEPARTEMENT("Code Département (structure)", Claims.ACTIVITY + "codeDepartement"),
    LIBELLE_DEPARTEMENT("Libellé Département (structure)", null),
    ANCIEN_IDENTIFIANT_STRUCTURE("Ancien identifiant de la structure",
            Claims.ACTIVITY + "ancienIdentifiantDeLaStructure"),
    AUTORITE_ENREGISTREMENT("Autorité d'enregistrement", Claims.ACTIVITY + "autoriteDenregistrement"),
    // Also Secteur_Activite ("<code>^1.2.250.1.71.4.2.4").
    CODE_SECTEUR_ACTIVITE("Code secteur d'activité", Claims.ACTIVITY + "codeSecteurDactivite",
            NomenclatureTable.SECTEUR_ACTIVITE),
    LIBELLE_SECTEUR_ACTIVITE("Libellé secteur d'activité", null),
    CODE_SECTION_TABLEAU_PHARMACIENS("Code section tableau pharmaciens", Claims.ACTIVITY + "codeSectionPharmacien",
            NomenclatureTable.SECTION_TABLEAU_PHARMACIENS),
    LIBELLE_SECTION_TABLEAU_PHARMACIENS("Libellé section tableau pharmaciens", null),
    CODE_FONCTION("Code fonction", Claims.ACTIVITY + "codeRole", NomenclatureTable.FONCTION),
    LIBELLE_FONCTION("Libellé fonction", null),
    CODE_GENRE_ACTIVITE("Code genre activité", Claims.ACTIVITY + "codeGenreActivite",
            NomenclatureTable.GENRE_ACTIVITE),
    LIBELLE_GENRE_ACTIVITE("Libellé genre activité", null);

    /** The first column describing the activity; a line whose columns from here on are all empty has none. */
    public static final NationalColumn FIRST_ACTIVITY_COLUMN = CODE_MODE_EXERCICE;

    private static final List<String> HEADER;
    private static final NationalColumn[] VALUES = values();
    /** How many columns a line has. */
    public static final int COUNT = VALUES.length;

    static {
        List<String> names = new ArrayList<>();
        for (NationalColumn c : VALUES) {
            names.add(c.header);
        }
        HEADER = Collections.unmodifiableList(names);
    }

    private final String header;
    private final String pscClaim;
    private final NomenclatureTable[] nomenclatures;

    NationalColumn(String header, String pscClaim, NomenclatureTable... nomenclatures) {
        this.header = header;
        this.pscClaim = pscClaim;
        this.nomenclatures = nomenclatures;
    }

    /** The column name in the file's header line. */
    public String header() {
        return header;
    }

    /** The PSC claim this column feeds, as a path in the userinfo (see the class comment), if any. */
    public Optional<String> pscClaim() {
        return Optional.ofNullable(pscClaim);
    }

    /** The tables a code in this column is checked against (known in any of them is fine); empty if unchecked. */
    public List<NomenclatureTable> nomenclatures() {
        return List.of(nomenclatures);
    }

    /** The same tables, without a copy (read once per line). */
    NomenclatureTable[] tables() {
        return nomenclatures;
    }

    /** The header names, in file order. */
    public static List<String> headerNames() {
        return HEADER;
    }

    static NationalColumn[] all() {
        return VALUES;
    }

    /** Claim path prefixes. */
    private static final class Claims {
        static final String EXERCICE = "SubjectRefPro.exercices[].";
        static final String ACTIVITY = EXERCICE + "activities[].";
    }
}
