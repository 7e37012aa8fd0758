package org.pscfederator.it.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pscfederator.directory.NationalColumn;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * PSC's claims: the userinfo, ID token and access token that Keycloak builds for a professional of the sandbox
 * directory with scope scope_all, through Keycloak's own admin endpoints that generate example tokens for a user.
 * Run on H2 and on PostgreSQL by the two subclasses.
 */
@Tag("psc-claims")
abstract class ClaimsContract {

    @BeforeEach
    void sandboxDirectories(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
    }

    private static final String COMPONENT_ID = "a8f6e2d4-5c1b-4f7e-9b3a-2d6c8e0f1a47";

    @Test
    void userinfoOfKitDoc0036624HasThePscClaims(SandboxServer server) throws Exception {
        JsonNode userinfo = example(server, "userinfo", "899700366240");

        assertThat(userinfo.get("sub").asText()).isEqualTo("f:" + COMPONENT_ID + ":899700366240");
        assertThat(userinfo.get("preferred_username").asText()).isEqualTo("899700366240");
        assertThat(userinfo.get("SubjectNameID").asText()).isEqualTo("899700366240");
        assertThat(userinfo.get("given_name").asText()).isEqualTo("KIT");
        assertThat(userinfo.get("family_name").asText()).isEqualTo("DOC0036624");
        assertThat(userinfo.get("SubjectOrganization").asText()).isEqualTo("CABINET M DOC0036624");
        assertThat(userinfo.get("SubjectOrganizationID").asText()).isEqualTo("R95141");
        assertThat(userinfo.get("SubjectRole").toString()).isEqualTo("[\"10^1.2.250.1.213.1.1.5.5\"]");
        assertThat(userinfo.get("Secteur_Activite").asText()).isEqualTo("SA07^1.2.250.1.71.4.2.4");
        assertThat(userinfo.at("/otherIds/0/origine").asText()).isEqualTo("RPPS");
        assertThat(userinfo.at("/SubjectRefPro/codeCivilite").asText()).isEqualTo("M");
        JsonNode exercice = userinfo.at("/SubjectRefPro/exercices/0");
        assertThat(exercice.get("codeProfession").asText()).isEqualTo("10");
        assertThat(exercice.get("codeSavoirFaire").asText()).isEqualTo("SM26");
        assertThat(exercice.get("activities")).hasSize(2);
        assertThat(exercice.at("/activities/0/identifiantTechniqueDeLaStructure").asText()).isEqualTo("R95141");
        assertThat(exercice.at("/activities/0/codeSectionPharmacien").isTextual()).as("empty string, not missing").isTrue();
    }

    @Test
    void staffCardHolderHasClaimsFromTheStaffDirectory(SandboxServer server) throws Exception {
        JsonNode userinfo = example(server, "userinfo", "3500000001815646/CPAT00045");

        assertThat(userinfo.get("SubjectNameID").asText()).isEqualTo("3500000001815646/CPAT00045");
        assertThat(userinfo.get("SubjectOrganization").asText()).isEqualTo("CENTRE DE SANTE TEST");
        assertThat(userinfo.get("SubjectRole")).isEmpty();
    }

    @Test
    void idTokenCarriesTheIdentityAndAccessTokenStaysSmall(SandboxServer server) throws Exception {
        JsonNode idToken = example(server, "id-token", "899700366240");
        JsonNode accessToken = example(server, "access-token", "899700366240");

        assertThat(idToken.get("SubjectNameID").asText()).isEqualTo("899700366240");
        assertThat(idToken.has("SubjectRefPro")).isFalse();
        assertThat(accessToken.get("SubjectNameID").asText()).isEqualTo("899700366240");
        assertThat(accessToken.has("SubjectRefPro")).isFalse();
        assertThat(accessToken.toString().length()).isLessThan(2000);
    }

    /**
     * Every line of the file for these professionals, column by column, against the userinfo the server builds: the
     * 8-activity doctor, two pharmacists (sections A and H), the ADELI nurse, a student, a professional without
     * activity, and KIT DOC0036624.
     */
    @ParameterizedTest
    @ValueSource(strings = {"899900000516", "899900000110", "899900001019", "0759960011", "899900000615",
            "899900000813", "899700366240"})
    void userinfoHoldsEveryFieldOfTheProfessionalsLines(String idNat, SandboxServer server) throws Exception {
        List<String[]> lines = sandboxLines(idNat);
        assertThat(lines).isNotEmpty();
        String[] first = lines.get(0);

        JsonNode userinfo = example(server, "userinfo", idNat);

        assertThat(userinfo.get("SubjectNameID").asText()).isEqualTo(idNat);
        assertThat(userinfo.at("/otherIds/0/origine").asText()).isEqualTo(idNat.startsWith("0") ? "ADELI" : "RPPS");
        assertThat(userinfo.get("SubjectRole").toString()).contains(field(first, NationalColumn.CODE_PROFESSION)
                + "^1.2.250.1.213.1.1.5.5");
        assertThat(userinfo.at("/SubjectRefPro/codeCivilite").asText()).isEqualTo(field(first, NationalColumn.CODE_CIVILITE));
        JsonNode exercice = userinfo.at("/SubjectRefPro/exercices/0");
        for (NationalColumn column : NationalColumn.values()) {
            String path = column.pscClaim().orElse("");
            if (path.startsWith(EXERCICE) && !path.startsWith(ACTIVITY)) {
                assertThat(exercice.get(path.substring(EXERCICE.length())).asText()).as(idNat + " " + path)
                        .isEqualTo(field(first, column));
            }
        }
        List<JsonNode> activities = new ArrayList<>();
        userinfo.at("/SubjectRefPro/exercices").forEach(e -> e.get("activities").forEach(activities::add));
        List<String[]> withActivity = lines.stream()
                .filter(line -> !field(line, NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE).isEmpty()
                        || !field(line, NationalColumn.CODE_MODE_EXERCICE).isEmpty())
                .toList();
        assertThat(activities).as(idNat + " activities").hasSize(withActivity.size());
        for (int i = 0; i < activities.size(); i++) {
            JsonNode activity = activities.get(i);
            assertThat(activity.size()).as("PSC's 30 activity keys, none missing").isEqualTo(30);
            for (NationalColumn column : NationalColumn.values()) {
                String path = column.pscClaim().orElse("");
                if (path.startsWith(ACTIVITY)) {
                    JsonNode value = activity.get(path.substring(ACTIVITY.length()));
                    assertThat(value).as(idNat + " activity " + i + " " + path).isNotNull();
                    assertThat(value.isTextual()).as("a string, empty when absent").isTrue();
                    assertThat(value.asText()).as(idNat + " activity " + i + " " + path)
                            .isEqualTo(field(withActivity.get(i), column));
                }
            }
        }
        assertThat(userinfo.get("SubjectOrganizationID").asText()).isEqualTo(withActivity.isEmpty() ? ""
                : field(withActivity.get(0), NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE));

        JsonNode idToken = example(server, "id-token", idNat);
        assertThat(idToken.get("sub").asText()).isEqualTo("f:" + COMPONENT_ID + ":" + idNat);
        assertThat(idToken.get("SubjectNameID").asText()).isEqualTo(idNat);
        assertThat(idToken.get("preferred_username").asText()).isEqualTo(idNat);
        assertThat(idToken.get("given_name").asText()).isEqualTo(field(first, NationalColumn.PRENOM_EXERCICE));
        assertThat(idToken.get("family_name").asText()).isEqualTo(field(first, NationalColumn.NOM_EXERCICE));
        assertThat(idToken.get("acr").asText()).isEqualTo("eidas1");
        assertThat(idToken.has("SubjectRefPro")).as("the practice stays in userinfo").isFalse();
    }

    private static final String EXERCICE = "SubjectRefPro.exercices[].";
    private static final String ACTIVITY = EXERCICE + "activities[].";

    private static List<String[]> sandboxLines(String idNat) throws Exception {
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Launcher.repoRoot()
                .resolve("realm-config/directory/PS_LibreAcces_Personne_activite_sandbox.txt"), StandardCharsets.UTF_8)) {
            String[] fields = line.split("\\|", -1);
            if (fields.length > NationalColumn.IDENTIFICATION_NATIONALE_PP.ordinal() && field(fields, NationalColumn.IDENTIFICATION_NATIONALE_PP).equals(idNat)) {
                lines.add(fields);
            }
        }
        return lines;
    }

    private static String field(String[] line, NationalColumn column) {
        return line[column.ordinal()];
    }

    @Test
    void idTokenAcrIsEidas1(SandboxServer server) throws Exception {
        assertThat(example(server, "id-token", "899700366240").get("acr").asText()).isEqualTo("eidas1");
    }

    @Test
    void idnatScopeCarriesTheIdentifierAndNotThePractice(SandboxServer server) throws Exception {
        JsonNode userinfo = example(server, "userinfo", "899700366240", "openid psc_idnat");

        assertThat(userinfo.get("SubjectNameID").asText()).isEqualTo("899700366240");
        assertThat(userinfo.has("SubjectRefPro")).isFalse();
        assertThat(userinfo.has("SubjectRole")).isFalse();
        assertThat(userinfo.has("otherIds")).isFalse();
    }

    @Test
    void practiceScopeCarriesThePracticeInUserinfoOnly(SandboxServer server) throws Exception {
        JsonNode userinfo = example(server, "userinfo", "899700366240", "openid psc_practice");
        JsonNode idToken = example(server, "id-token", "899700366240", "openid psc_practice");

        assertThat(userinfo.get("SubjectNameID").asText()).isEqualTo("899700366240");
        assertThat(userinfo.at("/SubjectRefPro/exercices/0/activities")).hasSize(2);
        assertThat(userinfo.get("SubjectRole").get(0).asText()).isEqualTo("10^1.2.250.1.213.1.1.5.5");
        assertThat(idToken.has("SubjectRefPro")).isFalse();
    }

    @Test
    void withoutAPscScopeThereIsNoPscClaim(SandboxServer server) throws Exception {
        JsonNode userinfo = example(server, "userinfo", "899700366240", "openid");

        assertThat(userinfo.has("SubjectNameID")).isFalse();
        assertThat(userinfo.has("SubjectRefPro")).isFalse();
    }

    private static JsonNode example(SandboxServer server, String kind, String idNat) throws Exception {
        return example(server, kind, idNat, "openid scope_all");
    }

    private static JsonNode example(SandboxServer server, String kind, String idNat, String scope) throws Exception {
        String token = server.adminToken();
        String clients = server.baseUrl() + "/admin/realms/esante-wallet/clients";
        String clientUuid = server.getJson(clients + "?clientId=psc-bench", token).get(0).get("id").asText();
        return server.getJson(clients + "/" + clientUuid + "/evaluate-scopes/generate-example-" + kind
                + "?scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
                + "&userId=" + URLEncoder.encode("f:" + COMPONENT_ID + ":" + idNat, StandardCharsets.UTF_8), token);
    }
}
