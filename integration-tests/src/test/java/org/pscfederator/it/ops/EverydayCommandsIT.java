package org.pscfederator.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.CLIENT;
import static org.pscfederator.it.ecps.EcpsFlow.PIN;
import static org.pscfederator.it.ecps.EcpsFlow.REDIRECT;
import static org.pscfederator.it.ecps.EcpsFlow.SECRET;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.AdminTool;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.FreePort;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operator's everyday commands run as processes against the real sandbox: a lost phone revoked, a professional's
 * sessions ended, and bad input refused in one line with nothing changed.
 */
@Tag("psc-audit")
@ExtendWith(SandboxServerExtension.class)
class EverydayCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = SandboxServer.ADMIN_PASSWORD;
    private static final String ID_NAT = "899700366240";
    /** In the sandbox directory, and no other test relies on its devices. */
    private static final String ALL_DEVICES_LOST = "899900000912";
    /** Well formed, not in the sandbox directory. */
    private static final String UNKNOWN = "899999999994";

    @TempDir
    Path devices;

    @Test
    void aRevokedDevicesNextApprovalIsRefused(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        SimulatedDevice lost = EcpsFlow.enrolledDevice(server, ID_NAT, devices);
        SimulatedDevice sandbox = EcpsFlow.sandboxDevice(server, ID_NAT);

        Launcher.Result listed = AdminTool.run(server, PASSWORD, "device", "list", "--idnat", ID_NAT, "--json");
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(active(JSON.readTree(listed.stdout()))).contains(lost.deviceId(), sandbox.deviceId());

        Launcher.Result revoked = AdminTool.run(server, PASSWORD, "device", "revoke", "--idnat", ID_NAT, "--device",
                lost.deviceId());
        assertThat(revoked.exitCode()).as(revoked.stderr()).isZero();
        assertThat(revoked.stdout()).contains("revoked 1 e-CPS device(s) of " + ID_NAT).contains(lost.deviceId());

        CardBrowser browser = CardBrowser.withoutCard(server);
        EcpsFlow.Wait wait = EcpsFlow.startLogin(browser, CardBrowser.Request.of(CLIENT, REDIRECT), ID_NAT);
        String requestId = EcpsFlow.pending(server, sandbox).requestId();
        DeviceApiClient.Answer answer = EcpsFlow.phone(server).answer(lost, PIN, requestId, wait.code(), true);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.error()).isEqualTo("device_revoked");
        assertThat(EcpsFlow.state(server, wait, 0)).as("the refused approval let nothing through").isEqualTo("pending");
        assertThat(EcpsFlow.phone(server).answer(sandbox, PIN, requestId, wait.code(), true).status())
                .as("the professional's other device still works").isEqualTo(200);
        assertThat(EcpsFlow.check(browser, wait).redirected()).isTrue();

        Launcher.Result after = AdminTool.run(server, PASSWORD, "device", "list", "--idnat", ID_NAT);
        assertThat(after.exitCode()).as(after.stderr()).isZero();
        assertThat(after.stdout().lines().filter(line -> line.startsWith(lost.deviceId())))
                .singleElement().asString().doesNotEndWith("no");
        Launcher.Result again = AdminTool.run(server, PASSWORD, "device", "revoke", "--idnat", ID_NAT, "--device",
                lost.deviceId());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.stderr()).contains("already revoked");
    }

    @Test
    void revokingWithoutADeviceRevokesEveryDeviceOfTheProfessional(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = ALL_DEVICES_LOST;
        SimulatedDevice first = EcpsFlow.enrolledDevice(server, idNat, devices);
        SimulatedDevice second = EcpsFlow.enrolledDevice(server, idNat, devices);
        CardBrowser browser = CardBrowser.withoutCard(server);
        EcpsFlow.Wait wait = EcpsFlow.startLogin(browser, CardBrowser.Request.of(CLIENT, REDIRECT), idNat);
        String requestId = EcpsFlow.pending(server, first).requestId();
        List<String> activeBefore = active(JSON.readTree(AdminTool.run(server, PASSWORD, "device", "list",
                "--idnat", idNat, "--json").stdout()));
        assertThat(activeBefore).contains(first.deviceId(), second.deviceId());

        Launcher.Result revoked = AdminTool.run(server, PASSWORD, "device", "revoke", "--idnat", idNat, "--json");

        assertThat(revoked.exitCode()).as(revoked.stderr()).isZero();
        JsonNode document = JSON.readTree(revoked.stdout());
        assertThat(document.path("id_nat").asText()).isEqualTo(idNat);
        List<String> ids = new ArrayList<>();
        document.path("revoked").forEach(id -> ids.add(id.asText()));
        assertThat(ids).as("every active device, ours and any other").containsExactlyInAnyOrderElementsOf(activeBefore);
        for (SimulatedDevice device : List.of(first, second)) {
            DeviceApiClient.Answer answer = EcpsFlow.phone(server).answer(device, PIN, requestId, wait.code(), true);
            assertThat(answer.status()).as(device.deviceId()).isEqualTo(403);
            assertThat(answer.error()).isEqualTo("device_revoked");
        }
        assertThat(EcpsFlow.state(server, wait, 0)).as("no revoked device let the login through").isEqualTo("pending");
        Launcher.Result listed = AdminTool.run(server, PASSWORD, "device", "list", "--idnat", idNat, "--json");
        assertThat(active(JSON.readTree(listed.stdout()))).isEmpty();

        Launcher.Result again = AdminTool.run(server, PASSWORD, "device", "revoke", "--idnat", idNat);
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdout()).contains(idNat + " has no active e-CPS device").contains("nothing was changed");
    }

    @Test
    void endingTheSessionsLogsTheProfessionalOutOfTheRelyingService(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
        CardBrowser.Outcome login = CardBrowser.withCard(server, AuditIT.sandboxCard(server, ID_NAT))
                .loginWithCard(request);
        assertThat(login.redirected()).as(login.page()).isTrue();
        JsonNode tokens = EcpsFlow.exchange(server, login.redirectParameters().get("code"), request);
        String sessionId = JSON.readTree(java.util.Base64.getUrlDecoder().decode(
                tokens.path("access_token").asText().split("\\.")[1])).path("sid").asText();
        assertThat(sessionId).isNotBlank();

        Launcher.Result listed = AdminTool.run(server, PASSWORD, "session", "list", "--idnat", ID_NAT, "--json");
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        JsonNode sessions = JSON.readTree(listed.stdout()).path("sessions");
        assertThat(sessions.findValuesAsText("session_id")).contains(sessionId);
        assertThat(sessions.toString()).contains(CLIENT);
        assertThat(active(server, tokens)).isTrue();

        Launcher.Result ended = AdminTool.run(server, PASSWORD, "session", "end", "--idnat", ID_NAT);

        assertThat(ended.exitCode()).as(ended.stderr()).isZero();
        assertThat(ended.stdout()).contains("ended").contains(sessionId);
        assertThat(refresh(server, tokens).statusCode()).as("the refresh token no longer works").isEqualTo(400);
        assertThat(active(server, tokens)).as("introspection: the access token is inactive").isFalse();
        Launcher.Result none = AdminTool.run(server, PASSWORD, "session", "list", "--idnat", ID_NAT, "--json");
        assertThat(JSON.readTree(none.stdout()).path("sessions").findValuesAsText("session_id"))
                .doesNotContain(sessionId);
    }

    @Test
    void trustShowNamesEachCaWithItsCrlAndTheRefusalPoint(SandboxServer server) throws Exception {
        java.security.cert.X509CRL crl;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(server.dataDir()
                .resolve("pki/ca/persons-ca.crl"))) {
            crl = (java.security.cert.X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCRL(in);
        }
        long graceHours = Long.parseLong(server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM,
                server.adminToken()).path("attributes").path("pscCrlGraceHours").asText());

        Launcher.Result shown = AdminTool.run(server, PASSWORD, "trust", "show", "--json");

        assertThat(shown.exitCode()).as(shown.stderr()).isZero();
        JsonNode trust = JSON.readTree(shown.stdout()).path("trust");
        assertThat(trust.findValuesAsText("use")).containsExactly("card", "client");
        JsonNode personsCa = null;
        for (JsonNode ca : trust.get(0).path("cas")) {
            if (ca.path("subject").asText().equals(crl.getIssuerX500Principal().getName(
                    javax.security.auth.x500.X500Principal.RFC2253))) {
                personsCa = ca;
            }
        }
        assertThat(personsCa).as(shown.stdout()).isNotNull();
        assertThat(personsCa.path("role").asText()).isEqualTo("issuing");
        JsonNode status = personsCa.path("crl");
        assertThat(status.path("state").asText()).isEqualTo("OK");
        assertThat(status.path("this_update").asText()).isEqualTo(crl.getThisUpdate().toInstant().toString());
        assertThat(status.path("next_update").asText()).isEqualTo(crl.getNextUpdate().toInstant().toString());
        assertThat(java.time.Instant.parse(status.path("refusal_point").asText()))
                .isEqualTo(crl.getNextUpdate().toInstant().plus(java.time.Duration.ofHours(graceHours)));
        assertThat(status.path("seconds_until_refusal").asLong()).isPositive();
        assertThat(trust.get(1).path("cas").toString()).contains("ORGANISATIONS");

        Launcher.Result text = AdminTool.run(server, PASSWORD, "trust", "show");
        assertThat(text.stdout()).contains("trust for cards").contains("trust for relying services")
                .contains("CRL OK: this update " + crl.getThisUpdate().toInstant())
                .contains("refusals from " + status.path("refusal_point").asText());
    }

    @Test
    void badInputIsOneLineAndChangesNothing(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
        CardBrowser.Outcome login = CardBrowser.withCard(server, AuditIT.sandboxCard(server, ID_NAT))
                .loginWithCard(request);
        JsonNode tokens = EcpsFlow.exchange(server, login.redirectParameters().get("code"), request);
        String devicesBefore = AdminTool.run(server, PASSWORD, "device", "list", "--idnat", ID_NAT, "--json").stdout();

        for (String[] command : new String[][] {{"audit"}, {"device", "list"}, {"device", "revoke"},
                {"session", "list"}, {"session", "end"}}) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--idnat", UNKNOWN));
            assertFailure(AdminTool.run(server, PASSWORD, args.toArray(String[]::new)), 1,
                    "no professional " + UNKNOWN + " in realm esante-wallet");
        }
        assertFailure(AdminTool.run(server, PASSWORD, "audit", "--idnat", ID_NAT, "--since", "02/12/2026"), 2,
                "--since: not a date");
        assertFailure(AdminTool.run(server, PASSWORD, "events", "export", "--since", "2026-12-02T25:00:00Z",
                "--output", devices.resolve("x.jsonl").toString()), 2, "--since: not a date");
        assertFailure(AdminTool.run(server, null, "session", "end", "--idnat", ID_NAT), 2,
                "the admin password is needed");
        assertFailure(AdminTool.run(server, "wrong-password", "device", "revoke", "--idnat", ID_NAT), 1,
                "the server refused the admin login of admin");
        String nobody = "https://localhost:" + FreePort.find() + "/auth";
        assertFailure(AdminTool.runAs(PASSWORD, "session", "end", "--idnat", ID_NAT, "--server", nobody,
                "--cacert", server.caBundle().toString()), 1, "cannot reach " + nobody + ": is the server running?");

        // The session lives on (its access token may have expired meanwhile on a slow machine: 2 minutes).
        assertThat(refresh(server, tokens).statusCode()).as("the session was not ended").isEqualTo(200);
        assertThat(AdminTool.run(server, PASSWORD, "device", "list", "--idnat", ID_NAT, "--json").stdout())
                .as("no device revoked").isEqualTo(devicesBefore);
        assertThat(devices.resolve("x.jsonl")).doesNotExist();
    }

    private static void assertFailure(Launcher.Result result, int exitCode, String message) {
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(exitCode);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().strip().lines()).as(result.stderr()).hasSize(1);
        assertThat(result.stderr()).startsWith("psc-admin: error: ").contains(message).doesNotContain("Exception");
    }

    private static List<String> active(JsonNode devices) {
        List<String> ids = new ArrayList<>();
        devices.path("devices").forEach(device -> {
            if (device.path("revoked_at").isNull() || device.path("revoked_at").isMissingNode()) {
                ids.add(device.path("device_id").asText());
            }
        });
        return ids;
    }

    private static HttpResponse<String> refresh(SandboxServer server, JsonNode tokens) throws Exception {
        return EcpsFlow.postForm(server, "token", "grant_type=refresh_token&refresh_token="
                + URLEncoder.encode(tokens.path("refresh_token").asText(), StandardCharsets.UTF_8)
                + "&client_id=" + CLIENT + "&client_secret=" + SECRET);
    }

    private static boolean active(SandboxServer server, JsonNode tokens) throws Exception {
        HttpResponse<String> introspected = EcpsFlow.postForm(server, "token/introspect", "token="
                + URLEncoder.encode(tokens.path("access_token").asText(), StandardCharsets.UTF_8)
                + "&client_id=" + CLIENT + "&client_secret=" + SECRET);
        assertThat(introspected.statusCode()).as(introspected.body()).isEqualTo(200);
        return JSON.readTree(introspected.body()).path("active").asBoolean();
    }
}
