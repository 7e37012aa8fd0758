package org.pscfederator.it.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pscfederator.it.harness.SandboxServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 3, "Claims": the userinfo, ID token and access token that Keycloak builds for a professional of the sandbox
 * directory with scope scope_all, through Keycloak's own admin endpoints that generate example tokens for a user.
 * Run on H2 and on PostgreSQL by the two subclasses.
 */
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

    private static JsonNode example(SandboxServer server, String kind, String idNat) throws Exception {
        String token = server.adminToken();
        String clients = server.baseUrl() + "/admin/realms/esante-wallet/clients";
        String clientUuid = server.getJson(clients + "?clientId=psc-bench", token).get(0).get("id").asText();
        return server.getJson(clients + "/" + clientUuid + "/evaluate-scopes/generate-example-" + kind
                + "?scope=" + URLEncoder.encode("openid scope_all", StandardCharsets.UTF_8)
                + "&userId=" + URLEncoder.encode("f:" + COMPONENT_ID + ":" + idNat, StandardCharsets.UTF_8), token);
    }
}
