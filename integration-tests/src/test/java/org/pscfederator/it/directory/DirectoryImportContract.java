package org.pscfederator.it.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 3, "Importer ... from an admin REST endpoint guarded by a realm-admin role; ... a failed import leaves the
 * previous directory as it was". Run against the H2 server and the PostgreSQL server by the two subclasses.
 */
abstract class DirectoryImportContract {

    static final String COMPONENT_ID = "a8f6e2d4-5c1b-4f7e-9b3a-2d6c8e0f1a47";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path sandboxFile() {
        return Launcher.repoRoot().resolve("realm-config/directory/PS_LibreAcces_Personne_activite_sandbox.txt");
    }

    @Test
    void sandboxDirectoryImportsAndProfessionalsAreFoundByIdNat(SandboxServer server) throws Exception {
        HttpResponse<String> response = upload(server, Files.readAllBytes(sandboxFile()), server.adminToken());

        JsonNode report = JSON.readTree(response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(report.get("activated").asBoolean()).isTrue();
        assertThat(report.get("professionals").asLong()).isGreaterThanOrEqualTo(15);
        JsonNode user = server.getJson(usersUrl(server) + "/f:" + COMPONENT_ID + ":899700366240", server.adminToken());
        assertThat(user.get("username").asText()).isEqualTo("899700366240");
        assertThat(user.get("lastName").asText()).isEqualTo("DOC0036624");
    }

    @Test
    void staffCardHoldersAreImportedBesideTheNationalDirectory(SandboxServer server) throws Exception {
        assertThat(upload(server, Files.readAllBytes(sandboxFile()), server.adminToken()).statusCode()).isEqualTo(200);
        Path staffFile = Launcher.repoRoot().resolve("realm-config/directory/staff_sandbox.txt");

        HttpResponse<String> response = server.importDirectory(Files.readAllBytes(staffFile), "staff",
                server.adminToken());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode cpa = server.getJson(usersUrl(server) + "?exact=true&username="
                + java.net.URLEncoder.encode("3500000001815646/CPAT00045", StandardCharsets.UTF_8), server.adminToken());
        assertThat(cpa).singleElement().satisfies(user ->
                assertThat(user.get("id").asText()).isEqualTo("f:" + COMPONENT_ID + ":3500000001815646/CPAT00045"));
        assertThat(upload(server, Files.readAllBytes(sandboxFile()), server.adminToken()).statusCode()).isEqualTo(200);
        assertThat(server.getJson(usersUrl(server) + "?exact=true&username="
                + java.net.URLEncoder.encode("3500000001815646/CPAT00045", StandardCharsets.UTF_8), server.adminToken()))
                .as("a national import keeps the staff directory").hasSize(1);
    }

    @Test
    void fileInIso88591IsRefusedAndThePreviousDirectoryStays(SandboxServer server) throws Exception {
        assertThat(upload(server, Files.readAllBytes(sandboxFile()), server.adminToken()).statusCode()).isEqualTo(200);
        long before = professionals(server);
        byte[] latin1 = Files.readString(sandboxFile(), StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = upload(server, latin1, server.adminToken());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("UTF-8");
        assertThat(professionals(server)).isEqualTo(before);
        assertThat(server.get(usersUrl(server) + "/f:" + COMPONENT_ID + ":899700366240", server.adminToken())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void lineWithWrongColumnCountIsReportedWithItsNumberAndSkipped(SandboxServer server) throws Exception {
        List<String> lines = Files.readAllLines(sandboxFile(), StandardCharsets.UTF_8);
        String skippedIdNat = lines.get(2).split("\\|")[2];
        lines.set(2, "8|99999|899999|M|");
        String broken = String.join("\n", lines) + "\n";

        HttpResponse<String> response = upload(server, broken.getBytes(StandardCharsets.UTF_8), server.adminToken());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode problems = JSON.readTree(response.body()).get("problems");
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.get("line").asLong()).isEqualTo(3);
            assertThat(problem.get("severity").asText()).isEqualTo("ERROR");
            assertThat(problem.get("reason").asText()).contains("columns").contains("line skipped");
        });
        assertThat(server.get(usersUrl(server) + "/f:" + COMPONENT_ID + ":899700366240", server.adminToken())
                .statusCode()).as("the rest of the file is imported").isEqualTo(200);
        assertThat(server.get(usersUrl(server) + "/f:" + COMPONENT_ID + ":" + skippedIdNat, server.adminToken())
                .statusCode()).as("the skipped line was " + skippedIdNat + "'s only line").isEqualTo(404);
        upload(server, Files.readAllBytes(sandboxFile()), server.adminToken());
    }

    @Test
    void emptyFileIsRefusedAndThePreviousDirectoryStays(SandboxServer server) throws Exception {
        assertThat(upload(server, Files.readAllBytes(sandboxFile()), server.adminToken()).statusCode()).isEqualTo(200);
        long before = professionals(server);

        HttpResponse<String> response = upload(server, new byte[0], server.adminToken());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("empty file");
        assertThat(professionals(server)).isEqualTo(before);
    }

    @Test
    void importWithoutAnAdminTokenIsRefusedAndChangesNothing(SandboxServer server) throws Exception {
        assertThat(upload(server, Files.readAllBytes(sandboxFile()), server.adminToken()).statusCode()).isEqualTo(200);
        long before = professionals(server);

        assertThat(upload(server, "x".getBytes(StandardCharsets.UTF_8), null).statusCode()).isEqualTo(401);
        assertThat(upload(server, "x".getBytes(StandardCharsets.UTF_8), "not-a-token").statusCode()).isEqualTo(401);
        assertThat(professionals(server)).isEqualTo(before);
    }

    static HttpResponse<String> upload(SandboxServer server, byte[] file, String token) throws Exception {
        return server.importDirectory(file, null, token);
    }

    static long professionals(SandboxServer server) throws Exception {
        return server.getJson(server.realmUrl() + "/psc-directory/status", server.adminToken())
                .get("professionals").asLong();
    }

    static String usersUrl(SandboxServer server) {
        return server.baseUrl() + "/admin/realms/esante-wallet/users";
    }
}
