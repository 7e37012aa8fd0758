package org.pscfederator.it.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.directory.NationalColumn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Directory import from an admin REST endpoint guarded by a realm-admin role; a failed import leaves the
 * previous directory as it was. Run against the H2 server and the PostgreSQL server by the two subclasses.
 */
@Tag("psc-directory")
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
        String skippedIdNat = lines.get(2).split("\\|")[NationalColumn.IDENTIFICATION_NATIONALE_PP.ordinal()];
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

    @Test
    void truncatedLastLineIsRefusedAndThePreviousDirectoryStays(SandboxServer server) throws Exception {
        assertThat(upload(server, Files.readAllBytes(sandboxFile()), server.adminToken()).statusCode()).isEqualTo(200);
        long before = professionals(server);
        String whole = Files.readString(sandboxFile(), StandardCharsets.UTF_8);
        String truncated = whole.substring(0, whole.length() - 40);

        HttpResponse<String> response = upload(server, truncated.getBytes(StandardCharsets.UTF_8), server.adminToken());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("error").asText()).contains("truncated last line");
        assertThat(report.get("problems")).anySatisfy(problem -> {
            assertThat(problem.get("line").asLong()).isEqualTo(whole.lines().count());
            assertThat(problem.get("severity").asText()).isEqualTo("FATAL");
        });
        assertThat(professionals(server)).isEqualTo(before);
    }

    @Test
    void sameActivityTwiceIsReportedWithItsLineAndImportedOnce(SandboxServer server) throws Exception {
        List<String> lines = Files.readAllLines(sandboxFile(), StandardCharsets.UTF_8);
        long activities = JSON.readTree(upload(server, Files.readAllBytes(sandboxFile()), server.adminToken()).body())
                .get("activities").asLong();
        assertThat(lines.get(3)).startsWith("8|99700366240|899700366240|");
        lines.add(4, lines.get(3));

        HttpResponse<String> response = upload(server, joined(lines), server.adminToken());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("problems")).anySatisfy(problem -> {
            assertThat(problem.get("line").asLong()).isEqualTo(5);
            assertThat(problem.get("severity").asText()).isEqualTo("ERROR");
            assertThat(problem.get("reason").asText()).contains("same activity").contains("line skipped");
        });
        assertThat(report.get("activities").asLong()).as("the repeated line is not a second activity")
                .isEqualTo(activities);
    }

    @Test
    void rppsIdentifierWithAWrongKeyIsReportedAndItsLineSkipped(SandboxServer server) throws Exception {
        List<String> lines = Files.readAllLines(sandboxFile(), StandardCharsets.UTF_8);
        assertThat(lines.get(2)).startsWith("8|99700218896|899700218896|");
        lines.set(2, lines.get(2).replace("99700218896", "99700218897"));

        HttpResponse<String> response = upload(server, joined(lines), server.adminToken());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("problems")).anySatisfy(problem -> {
            assertThat(problem.get("line").asLong()).isEqualTo(3);
            assertThat(problem.get("severity").asText()).isEqualTo("ERROR");
            assertThat(problem.get("reason").asText()).contains("899700218897").contains("wrong Luhn key")
                    .contains("line skipped");
        });
        assertThat(server.get(usersUrl(server) + "/f:" + COMPONENT_ID + ":899700218897", server.adminToken())
                .statusCode()).as("nobody logs in under a wrong identifier").isEqualTo(404);
        assertThat(server.get(usersUrl(server) + "/f:" + COMPONENT_ID + ":899700366240", server.adminToken())
                .statusCode()).as("the rest of the file is imported").isEqualTo(200);
        upload(server, Files.readAllBytes(sandboxFile()), server.adminToken());
    }

    @Test
    void unknownProfessionCodeIsImportedWithAWarning(SandboxServer server) throws Exception {
        List<String> lines = Files.readAllLines(sandboxFile(), StandardCharsets.UTF_8);
        String[] fields = lines.get(2).split("\\|", -1);
        assertThat(fields[NationalColumn.CODE_PROFESSION.ordinal()]).isEqualTo("10");
        fields[NationalColumn.CODE_PROFESSION.ordinal()] = "99";
        lines.set(2, String.join("|", fields));

        HttpResponse<String> response = upload(server, joined(lines), server.adminToken());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("warnings").asLong()).isPositive();
        assertThat(report.get("problems")).anySatisfy(problem -> {
            assertThat(problem.get("line").asLong()).isEqualTo(3);
            assertThat(problem.get("severity").asText()).isEqualTo("WARNING");
            assertThat(problem.get("reason").asText()).contains("'99'");
        });
        assertThat(server.get(usersUrl(server) + "/f:" + COMPONENT_ID + ":899700218896", server.adminToken())
                .statusCode()).as("the line is imported").isEqualTo(200);
        upload(server, Files.readAllBytes(sandboxFile()), server.adminToken());
    }

    /**
     * The first import's upload is held half-way, so it is running (it holds the lock, its rows half-written) when the
     * second one arrives. This also shows the endpoint, and the sandbox's TLS front, stream: the import starts before
     * the whole file is there.
     */
    @Test
    void importStartedWhileAnotherRunsIsRefusedAndTheFirstOneCompletes(SandboxServer server) throws Exception {
        byte[] file = Files.readAllBytes(sandboxFile());
        assertThat(upload(server, file, server.adminToken()).statusCode()).isEqualTo(200);
        long before = professionals(server);
        // A publisher that is never blocked: the client's HTTP/1.1 writer would not flush while a read blocks.
        SubmissionPublisher<ByteBuffer> body = new SubmissionPublisher<>();
        CompletableFuture<HttpResponse<String>> first = server.http().sendAsync(HttpRequest.newBuilder(
                        URI.create(server.realmUrl() + "/psc-directory/import?source=first"))
                .header("Authorization", "Bearer " + server.adminToken())
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(body, file.length))
                .build(), HttpResponse.BodyHandlers.ofString());
        int half = file.length / 2;
        try {
            awaitSubscriber(body);
            body.submit(ByteBuffer.wrap(file, 0, half));
            JsonNode running = awaitRunningImport(server);
            assertThat(running.get("importSource").asText()).isEqualTo("first");

            HttpResponse<String> second = upload(server, file, server.adminToken());

            assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
            assertThat(JSON.readTree(second.body()).get("error").asText()).contains("already running")
                    .contains("first");
        } finally {
            body.submit(ByteBuffer.wrap(file, half, file.length - half));
            body.close();
        }
        HttpResponse<String> firstResponse = first.get(60, TimeUnit.SECONDS);
        assertThat(firstResponse.statusCode()).as(firstResponse.body()).isEqualTo(200);
        assertThat(professionals(server)).isEqualTo(before);
        JsonNode national = server.getJson(server.realmUrl() + "/psc-directory/status", server.adminToken())
                .get("national");
        assertThat(national.get("importRunning").asBoolean()).isFalse();
        assertThat(national.get("source").asText()).isEqualTo("first");
    }

    private static JsonNode awaitRunningImport(SandboxServer server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            JsonNode national = server.getJson(server.realmUrl() + "/psc-directory/status", server.adminToken())
                    .get("national");
            if (national.get("importRunning").asBoolean()) {
                return national;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the held import never showed as running: the endpoint does not stream its body");
    }

    private static void awaitSubscriber(SubmissionPublisher<ByteBuffer> body) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (body.getNumberOfSubscribers() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the client never started sending the body");
            }
            Thread.sleep(20);
        }
    }

    private static byte[] joined(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
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
