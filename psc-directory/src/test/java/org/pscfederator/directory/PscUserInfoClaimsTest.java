package org.pscfederator.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("psc-claims")
class PscUserInfoClaimsTest {

    /** The activity keys of PSC's example userinfo (docs/domain/claims.md), all present on every activity. */
    private static final List<String> PSC_ACTIVITY_KEYS = List.of("codeModeExercice", "codeSecteurDactivite",
            "codeSectionPharmacien", "codeRole", "numeroSiretSite", "numeroSirenSite", "numeroFinessSite",
            "numeroFinessetablissementJuridique", "identifiantTechniqueDeLaStructure", "raisonSocialeSite",
            "enseigneCommercialeSite", "complementDestinataire", "complementPointGeographique", "numeroVoie",
            "indiceRepetitionVoie", "codeTypeDeVoie", "libelleVoie", "mentionDistribution", "bureauCedex", "codePostal",
            "codeCommune", "codePays", "telephone", "telephone2", "telecopie", "adresseEMail", "codeDepartement",
            "ancienIdentifiantDeLaStructure", "autoriteDenregistrement", "codeGenreActivite");

    @Test
    @SuppressWarnings("unchecked")
    void kitDoc0036624HasPscsShape() throws Exception {
        Map<String, Object> claims = PscUserInfoClaims.of(sandboxLines("899700366240"));

        assertThat(claims.get("SubjectNameID")).isEqualTo("899700366240");
        assertThat(claims.get("SubjectOrganization")).isEqualTo("CABINET M DOC0036624");
        assertThat(claims.get("SubjectOrganizationID")).isEqualTo("R95141");
        assertThat(claims.get("SubjectRole")).isEqualTo(List.of("10^1.2.250.1.213.1.1.5.5"));
        assertThat(claims.get("Secteur_Activite")).isEqualTo("SA07^1.2.250.1.71.4.2.4");
        assertThat(claims.get("otherIds")).isEqualTo(List.of(Map.of("identifiant", "899700366240", "origine", "RPPS",
                "qualite", 1)));
        Map<String, Object> refPro = (Map<String, Object>) claims.get("SubjectRefPro");
        assertThat(refPro.get("codeCivilite")).isEqualTo("M");
        List<Map<String, Object>> exercices = (List<Map<String, Object>>) refPro.get("exercices");
        assertThat(exercices).hasSize(1);
        Map<String, Object> exercice = exercices.get(0);
        assertThat(exercice).containsEntry("codeProfession", "10").containsEntry("codeCategorieProfessionnelle", "C")
                .containsEntry("codeCiviliteDexercice", "DR").containsEntry("nomDexercice", "DOC0036624")
                .containsEntry("prenomDexercice", "KIT").containsEntry("codeTypeSavoirFaire", "S")
                .containsEntry("codeSavoirFaire", "SM26");
        List<Map<String, String>> activities = (List<Map<String, String>>) exercice.get("activities");
        assertThat(activities).hasSize(2).allSatisfy(a -> assertThat(a.keySet()).containsExactlyInAnyOrderElementsOf(
                PSC_ACTIVITY_KEYS));
        assertThat(activities.get(0)).containsEntry("codeModeExercice", "L").containsEntry("codeSecteurDactivite", "SA07")
                .containsEntry("codeSectionPharmacien", "").containsEntry("numeroVoie", "1")
                .containsEntry("codeTypeDeVoie", "R").containsEntry("libelleVoie", "NOIR")
                .containsEntry("bureauCedex", "75009 PARIS").containsEntry("codePostal", "75009")
                .containsEntry("codePays", "99000").containsEntry("ancienIdentifiantDeLaStructure", "499700366240007")
                .containsEntry("autoriteDenregistrement", "CNOM/CNOM/CNOM").containsEntry("codeGenreActivite", "GENR01");
    }

    @Test
    @SuppressWarnings("unchecked")
    void doctorWithEightActivitiesHasThemAll() throws Exception {
        Map<String, Object> claims = PscUserInfoClaims.of(sandboxLines("899900000516"));

        List<Map<String, Object>> exercices = (List<Map<String, Object>>) ((Map<String, Object>) claims
                .get("SubjectRefPro")).get("exercices");
        int activities = 0;
        for (Map<String, Object> exercice : exercices) {
            activities += ((List<?>) exercice.get("activities")).size();
        }
        assertThat(activities).isEqualTo(8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void professionalWithoutActivityHasEmptyStringsNotMissingKeys() throws Exception {
        Map<String, Object> claims = PscUserInfoClaims.of(sandboxLines("899900000813"));

        assertThat(claims.get("SubjectOrganization")).isEqualTo("");
        assertThat(claims.get("SubjectOrganizationID")).isEqualTo("");
        assertThat(claims.get("Secteur_Activite")).isEqualTo("");
        List<Map<String, Object>> exercices = (List<Map<String, Object>>) ((Map<String, Object>) claims
                .get("SubjectRefPro")).get("exercices");
        assertThat(exercices).singleElement().satisfies(e -> assertThat((List<?>) e.get("activities")).isEmpty());
    }

    @Test
    void nurseIdentifiedThroughAdeliHasAdeliOrigin() throws Exception {
        Map<String, Object> claims = PscUserInfoClaims.of(sandboxLines("0759960011"));

        assertThat(claims.get("otherIds")).isEqualTo(List.of(Map.of("identifiant", "0759960011", "origine", "ADELI",
                "qualite", 1)));
    }

    private static List<List<String>> sandboxLines(String idNat) throws Exception {
        List<List<String>> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../realm-config/directory/PS_LibreAcces_Personne_activite_sandbox.txt"),
                StandardCharsets.UTF_8)) {
            List<String> values = Arrays.asList(line.split("\\|", -1)).subList(0, NationalColumn.COUNT);
            if (values.get(NationalColumn.IDENTIFICATION_NATIONALE_PP.ordinal()).equals(idNat)) {
                lines.add(values);
            }
        }
        assertThat(lines).as("lines of " + idNat).isNotEmpty();
        return lines;
    }
}
