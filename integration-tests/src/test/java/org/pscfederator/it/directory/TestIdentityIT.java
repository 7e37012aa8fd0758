package org.pscfederator.it.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.FreePort;
import org.pscfederator.it.harness.IdentityTool;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.RelyingServiceChecks;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code bin/psc-identity} against the real sandbox: a test professional of a chosen profession and mode, added
 * beside the sandbox's directory, logs in with the card and the phone the tool printed, while the public ANS sandbox
 * identities still log in; removed, it logs in no more. Every bad input is one line, a non-zero exit, and nothing
 * changed.
 */
@Tag("psc-directory")
@Tag("psc-ecps")
@ExtendWith(SandboxServerExtension.class)
class TestIdentityIT {

    private static final String[] PUBLIC_IDENTITIES = {"899700218896", "899700366240", "899700427869"};
    private static final Pattern CREATED = Pattern.compile("psc-identity: created (\\d{12}):");
    private static final Pattern CARD = Pattern.compile("card: +(\\S+\\.p12) ");
    private static final Pattern DEVICE = Pattern.compile("e-CPS: +(\\S+\\.json) ");

    @Test
    void createdNurseLogsInWithItsCardAndItsPhoneBesideThePublicIdentitiesThenIsRemoved(SandboxServer server)
            throws Exception {
        server.importSandboxDirectories();
        long before = professionals(server);

        Launcher.Result created = IdentityTool.asAdmin(server, "create", "--profession", "60", "--mode", "L");

        assertThat(created.exitCode()).as(created.stderr()).isZero();
        String idNat = group(CREATED, created.stdout());
        Path card = Path.of(group(CARD, created.stdout()));
        Path deviceFile = Path.of(group(DEVICE, created.stdout()));
        assertThat(created.stdout()).contains("Infirmier (60)", "(L)", "bin/psc-ecps-sim approve --idnat " + idNat,
                "Carte CPS");
        assertThat(professionals(server)).isEqualTo(before + 1);

        // The card login, with the card file it printed.
        JsonNode cardClaims = cardLogin(server, card, idNat);
        JsonNode exercice = cardClaims.at("/SubjectRefPro/exercices/0");
        assertThat(exercice.path("codeProfession").asText()).isEqualTo("60");
        assertThat(exercice.at("/activities/0/codeModeExercice").asText()).isEqualTo("L");
        assertThat(exercice.at("/activities/0/codeSecteurDactivite").asText()).isEqualTo("SA07");

        // The e-CPS login, with the simulated phone it enrolled.
        ecpsLogin(server, SimulatedDevice.load(deviceFile), idNat);

        for (String publicIdentity : PUBLIC_IDENTITIES) {
            cardLogin(server, server.dataDir().resolve("pki/cards/" + publicIdentity + ".p12"), publicIdentity);
        }

        Launcher.Result listed = IdentityTool.asAdmin(server, "list");
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(listed.stdout()).contains(idNat).doesNotContain(PUBLIC_IDENTITIES[0]);
        Launcher.Result json = IdentityTool.asAdmin(server, "list", "--json");
        assertThat(json.stdout()).contains("\"idNat\":\"" + idNat + "\"", "\"profession\":\"60\"", "\"mode\":\"L\"");

        Path keptCard = Files.copy(card, server.dataDir().resolveSibling("kept-" + idNat + ".p12"),
                StandardCopyOption.REPLACE_EXISTING);
        Launcher.Result removed = IdentityTool.asAdmin(server, "remove", idNat);

        assertThat(removed.exitCode()).as(removed.stderr()).isZero();
        assertThat(removed.stdout()).contains("removed " + idNat, "1 e-CPS device(s) revoked");
        assertThat(card).doesNotExist();
        assertThat(deviceFile).doesNotExist();
        assertThat(professionals(server)).isEqualTo(before);
        assertThat(server.getJson(server.baseUrl() + "/admin/realms/esante-wallet/users?exact=true&username=" + idNat,
                server.adminToken())).isEmpty();
        CardBrowser.Outcome refused = CardBrowser.withCard(server, keptCard)
                .loginWithCard(CardBrowser.Request.of(EcpsFlow.CLIENT, EcpsFlow.REDIRECT));
        assertThat(refused.location() == null || !refused.location().startsWith(EcpsFlow.REDIRECT))
                .as("the removed professional's card logs in no more: " + refused.location()).isTrue();
        JsonNode devices = EcpsFlow.phone(server).devicesAsAdmin(idNat, server.adminToken()).body();
        assertThat(devices.path("devices")).isNotEmpty().allSatisfy(device ->
                assertThat(device.path("revoked_at").isNull()).as("revoked").isFalse());
        assertThat(IdentityTool.asAdmin(server, "list").stdout()).doesNotContain(idNat);
        for (String publicIdentity : PUBLIC_IDENTITIES) {
            cardLogin(server, server.dataDir().resolve("pki/cards/" + publicIdentity + ".p12"), publicIdentity);
        }
    }

    @Test
    void badInputsAreOneLineANonZeroExitAndChangeNothing(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        long before = professionals(server);
        long cards = cardFiles(server);

        assertRefused(IdentityTool.asAdmin(server, "create", "--profession", "99"), 2, "--profession 99",
                "TRE-G15", "60 Infirmier");
        assertRefused(IdentityTool.asAdmin(server, "create", "--profession", "60", "--mode", "X"), 2, "--mode X",
                "TRE-R23");
        assertRefused(IdentityTool.asAdmin(server, "create", "--profession", "60", "--sector", "SA99"), 2,
                "--sector SA99", "TRE-R02");
        assertRefused(IdentityTool.run(server, Map.of(), "create", "--profession", "60"), 2, "PSC_ADMIN_PASSWORD");
        assertRefused(IdentityTool.run(server, Map.of("PSC_ADMIN_PASSWORD", "wrong"), "create", "--profession",
                "60"), 1, "refused the admin login");
        Launcher.Result unreachable = Launcher.runToEnd(java.util.List.of(Path.of(System.getProperty("java.home"),
                        "bin", "java").toString(), "-jar", IdentityTool.jar().toString(), "create", "--profession",
                "60", "--server", "https://localhost:" + FreePort.find() + "/auth", "--cacert",
                server.caBundle().toString(), "--data-dir", server.dataDir().toString()),
                Map.of("PSC_ADMIN_PASSWORD", SandboxServer.ADMIN_PASSWORD));
        assertRefused(unreachable, 1, "cannot reach");
        for (String publicIdentity : PUBLIC_IDENTITIES) {
            assertRefused(IdentityTool.asAdmin(server, "remove", publicIdentity), 1, publicIdentity,
                    "came with the sandbox's directory", "nothing was changed");
            assertThat(server.dataDir().resolve("pki/cards/" + publicIdentity + ".p12")).exists();
            assertThat(EcpsFlow.sandboxDevice(server, publicIdentity).deviceId()).isNotBlank();
        }
        assertRefused(IdentityTool.asAdmin(server, "remove", "899980000000"), 1, "not a test professional");

        assertThat(professionals(server)).isEqualTo(before);
        assertThat(cardFiles(server)).isEqualTo(cards);
        cardLogin(server, server.dataDir().resolve("pki/cards/899700366240.p12"), "899700366240");
        ecpsLogin(server, EcpsFlow.sandboxDevice(server, "899700427869"), "899700427869");
    }

    @Test
    void aRealmThatIsNotASandboxIsRefusedByTheToolAndByTheServer(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        long before = professionals(server);
        long cards = cardFiles(server);
        Map<String, String> previous = EcpsFlow.realmAttributes(server, Map.of("pscTestIdentitiesAllowed", "false"));
        try {
            assertRefused(IdentityTool.asAdmin(server, "create", "--profession", "60", "--mode", "L"), 1,
                    "is not a sandbox", "pscTestIdentitiesAllowed", "nothing was changed");
            assertRefused(IdentityTool.asAdmin(server, "list"), 1, "is not a sandbox");

            HttpResponse<String> direct = server.send(HttpRequest.newBuilder(URI.create(server.realmUrl()
                            + "/psc-directory/professionals"))
                    .header("Authorization", "Bearer " + server.adminToken())
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("anything", StandardCharsets.UTF_8)).build());
            assertThat(direct.statusCode()).as(direct.body()).isEqualTo(403);
            assertThat(direct.body()).contains("not_sandbox");
        } finally {
            EcpsFlow.realmAttributes(server, Map.of("pscTestIdentitiesAllowed",
                    previous.getOrDefault("pscTestIdentitiesAllowed", "true")));
        }
        assertThat(professionals(server)).isEqualTo(before);
        assertThat(cardFiles(server)).isEqualTo(cards);
    }

    @Test
    void theEndpointTakesOnlyAnAdministratorAndLinesTheImportAcceptsWithoutAWarning(SandboxServer server)
            throws Exception {
        server.importSandboxDirectories();
        long before = professionals(server);
        String header = String.join("|", org.pscfederator.directory.NationalColumn.headerNames()) + "|\n";
        String url = server.realmUrl() + "/psc-directory/professionals";

        HttpResponse<String> anonymous = server.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(header)).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> headerAlone = server.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + server.adminToken()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(header)).build());
        assertThat(headerAlone.statusCode()).as(headerAlone.body()).isEqualTo(400);
        String existing = Files.readAllLines(Launcher.repoRoot().resolve(
                "realm-config/directory/PS_LibreAcces_Personne_activite_sandbox.txt"), StandardCharsets.UTF_8).get(2);
        HttpResponse<String> again = server.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + server.adminToken()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(header + existing + "\n", StandardCharsets.UTF_8)).build());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("already_in_directory");

        assertThat(professionals(server)).isEqualTo(before);
    }

    private static JsonNode cardLogin(SandboxServer server, Path card, String idNat) throws Exception {
        CardBrowser browser = CardBrowser.withCard(server, card);
        CardBrowser.Request request = CardBrowser.Request.of(EcpsFlow.CLIENT, EcpsFlow.REDIRECT);
        CardBrowser.Outcome outcome = browser.loginWithCard(request);
        assertThat(outcome.location()).as(idNat + ": " + outcome.page()).startsWith(EcpsFlow.REDIRECT + "?");
        JsonNode tokens = EcpsFlow.exchange(server, outcome.redirectParameters().get("code"), request);
        return RelyingServiceChecks.loggedInAs(server, tokens, request, idNat, "[\"sc\",\"pin\",\"mfa\"]");
    }

    private static void ecpsLogin(SandboxServer server, SimulatedDevice phone, String idNat) throws Exception {
        CardBrowser browser = CardBrowser.withoutCard(server);
        CardBrowser.Request request = CardBrowser.Request.of(EcpsFlow.CLIENT, EcpsFlow.REDIRECT);
        EcpsFlow.Wait wait = EcpsFlow.startLogin(browser, request, idNat);
        DeviceApiClient.Pending pending = EcpsFlow.pending(server, phone);
        DeviceApiClient.Answer answer = EcpsFlow.phone(server).answer(phone, EcpsFlow.PIN, pending.requestId(),
                wait.code(), true);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(EcpsFlow.state(server, wait, 5)).isEqualTo("approved");
        CardBrowser.Outcome outcome = EcpsFlow.check(browser, wait);
        assertThat(outcome.location()).as(outcome.page()).startsWith(EcpsFlow.REDIRECT + "?");
        JsonNode tokens = EcpsFlow.exchange(server, outcome.redirectParameters().get("code"), request);
        RelyingServiceChecks.loggedInAs(server, tokens, request, idNat, "[\"swk\",\"pin\",\"mfa\"]");
    }

    /** One line on stderr naming the problem, this exit code, nothing on stdout. */
    private static void assertRefused(Launcher.Result result, int exitCode, String... said) {
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isEqualTo(exitCode);
        assertThat(result.stderr().strip().lines()).as(result.stderr()).singleElement().satisfies(line -> {
            assertThat(line).startsWith("psc-identity: error: ");
            assertThat(line).contains(said);
        });
        assertThat(result.stdout()).isEmpty();
    }

    private static long professionals(SandboxServer server) throws Exception {
        return server.getJson(server.realmUrl() + "/psc-directory/status", server.adminToken())
                .path("professionals").asLong();
    }

    private static long cardFiles(SandboxServer server) throws Exception {
        try (var files = Files.list(server.dataDir().resolve("pki/cards"))) {
            return files.count();
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in:\n" + text).isTrue();
        return matcher.group(1);
    }
}
