package org.pscfederator.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("psc-directory")
class NationalColumnTest {

    /** The header of the Annuaire Santé extraction PS_LibreAcces_Personne_activite, 56 columns in order. */
    private static final String FILE_HEADER = "Type d'identifiant PP | Identifiant PP | Identification nationale PP"
            + " | Code civilité d'exercice | Libellé civilité d'exercice | Code civilité | Libellé civilité"
            + " | Nom d'exercice | Prénom d'exercice | Code profession | Libellé profession"
            + " | Code catégorie professionnelle | Libellé catégorie professionnelle | Code type savoir-faire"
            + " | Libellé type savoir-faire | Code savoir-faire | Libellé savoir-faire | Code mode exercice"
            + " | Libellé mode exercice | Numéro SIRET site | Numéro SIREN site | Numéro FINESS site"
            + " | Numéro FINESS établissement juridique | Identifiant technique de la structure | Raison sociale site"
            + " | Enseigne commerciale site | Complément destinataire (coord. structure)"
            + " | Complément point géographique (coord. structure) | Numéro Voie (coord. structure)"
            + " | Indice répétition voie (coord. structure) | Code type de voie (coord. structure)"
            + " | Libellé type de voie (coord. structure) | Libellé Voie (coord. structure)"
            + " | Mention distribution (coord. structure) | Bureau cedex (coord. structure)"
            + " | Code postal (coord. structure) | Code commune (coord. structure)"
            + " | Libellé commune (coord. structure) | Code pays (coord. structure) | Libellé pays (coord. structure)"
            + " | Téléphone (coord. structure) | Téléphone 2 (coord. structure) | Télécopie (coord. structure)"
            + " | Adresse e-mail (coord. structure) | Code Département (structure) | Libellé Département (structure)"
            + " | Ancien identifiant de la structure | Autorité d'enregistrement | Code secteur d'activité"
            + " | Libellé secteur d'activité | Code section tableau pharmaciens | Libellé section tableau pharmaciens"
            + " | Code fonction | Libellé fonction | Code genre activité | Libellé genre activité";

    /** The activity keys of PSC's example userinfo (docs/domain/claims.md), in its order. */
    private static final List<String> PSC_ACTIVITY_FIELDS = List.of("codeModeExercice", "codeSecteurDactivite",
            "codeSectionPharmacien", "codeRole", "numeroSiretSite", "numeroSirenSite", "numeroFinessSite",
            "numeroFinessetablissementJuridique", "identifiantTechniqueDeLaStructure", "raisonSocialeSite",
            "enseigneCommercialeSite", "complementDestinataire", "complementPointGeographique", "numeroVoie",
            "indiceRepetitionVoie", "codeTypeDeVoie", "libelleVoie", "mentionDistribution", "bureauCedex",
            "codePostal", "codeCommune", "codePays", "telephone", "telephone2", "telecopie", "adresseEMail",
            "codeDepartement", "ancienIdentifiantDeLaStructure", "autoriteDenregistrement", "codeGenreActivite");

    private static final List<String> PSC_EXERCICE_FIELDS = List.of("codeProfession", "codeCategorieProfessionnelle",
            "codeCiviliteDexercice", "nomDexercice", "prenomDexercice", "codeTypeSavoirFaire", "codeSavoirFaire");

    @Test
    void headerIsTheDesignHeaderInOrder() {
        assertThat(NationalColumn.headerNames()).hasSize(56)
                .containsExactlyElementsOf(Arrays.asList(FILE_HEADER.split(" \\| ")));
    }

    @Test
    void everyPscActivityAndExerciceFieldHasItsColumn() {
        List<String> claims = Arrays.stream(NationalColumn.values())
                .map(c -> c.pscClaim().orElse(""))
                .collect(Collectors.toList());

        for (String field : PSC_ACTIVITY_FIELDS) {
            assertThat(claims).as(field).contains("SubjectRefPro.exercices[].activities[]." + field);
        }
        for (String field : PSC_EXERCICE_FIELDS) {
            assertThat(claims).as(field).contains("SubjectRefPro.exercices[]." + field);
        }
        assertThat(claims).contains("SubjectRefPro.codeCivilite", "SubjectNameID");
    }
}
