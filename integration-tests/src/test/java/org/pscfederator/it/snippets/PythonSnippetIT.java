package org.pscfederator.it.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.PIN;
import static org.pscfederator.it.ecps.EcpsFlow.phone;
import static org.pscfederator.it.ecps.EcpsFlow.sandboxDevice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.FreePort;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Python snippet of docs/snippets-python.md (requests only), run with the machine's python3 against the sandbox:
 * the code flow with PKCE through a card login, and CIBA in poll mode approved on the simulated e-CPS phone, both with
 * tls_client_auth and the ORG certificate (RFC 8705 section 2.1.1; OpenID CIBA Core 1.0 sections 7 and 10.1), the ID
 * token and signed userinfo verified against the JWKS. Skipped without python3 and requests, unless
 * PSC_REQUIRE_PYTHON=true or CI=true, where that is a failure.
 */
@Tag("psc-onboarding")
@Tag("oidc-ciba")
@Tag("snippets")
@ExtendWith(SandboxServerExtension.class)
class PythonSnippetIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CARD_IDNAT = "899700366240";
    private static final String CIBA_IDNAT = "899700218896";

    @BeforeAll
    static void pythonWithRequests() throws Exception {
        PythonRequirement.check();
    }

    @Test
    void codeFlowWithPkceAndTheOrgCertificateGetsTheVerifiedClaims(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        int port = FreePort.find();
        String redirect = "http://localhost:" + port + "/callback";
        SnippetClient client = SnippetClient.register(server, "it-snippet-python", redirect, "--ciba");

        try (SnippetProcess snippet = python(server, client, "login", "--redirect-uri", redirect)) {
            String url = snippet.awaitLine(line -> line.startsWith("open: "), 30).substring("open: ".length());
            assertThat(url).startsWith(java.net.URI.create(server.baseUrl()).resolve("/auth") + "?")
                    .contains("code_challenge_method=S256", "acr_values=eidas1", "client_id=it-snippet-python");
            CardBrowser browser = CardBrowser.withCard(server, server.dataDir().resolve("pki/cards/"
                    + CARD_IDNAT + ".p12"));
            CardBrowser.Outcome back = browser.choose(browser.get(url), "card");
            assertThat(back.location()).as(back.page()).startsWith(redirect + "?");

            CardBrowser.Outcome callback = browser.get(back.location());

            assertThat(callback.status()).as(callback.page() + snippet.log()).isEqualTo(200);
            assertThat(snippet.awaitExit(30)).as(snippet.log()).isZero();
            JsonNode professional = lastJsonLine(snippet);
            assertThat(professional.path("idNat").asText()).isEqualTo(CARD_IDNAT);
            assertThat(professional.path("acr").asText()).isEqualTo("eidas1");
            assertThat(professional.path("amr").toString()).isEqualTo("[\"sc\",\"pin\",\"mfa\"]");
            assertThat(professional.path("organization").asText()).isEqualTo("CABINET M DOC0036624");
            assertThat(snippet.log()).doesNotContain("eyJ");
        }
    }

    @Test
    void cibaWithTheOrgCertificateIsApprovedOnThePhone(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        SimulatedDevice device = sandboxDevice(server, CIBA_IDNAT);
        SnippetClient client = SnippetClient.register(server, "it-snippet-python-ciba",
                "http://localhost:" + FreePort.find() + "/callback", "--ciba");

        try (SnippetProcess snippet = python(server, client, "ciba", "--id-nat", CIBA_IDNAT,
                "--binding-message", "47")) {
            snippet.awaitLine(line -> line.startsWith("waiting: code 47"), 30);
            DeviceApiClient.Pending pending = phone(server).outstanding(device, 10).stream()
                    .filter(request -> "47".equals(request.bindingMessage())).findFirst()
                    .orElseThrow(() -> new AssertionError("the request did not reach the phone:\n" + snippet.log()));
            assertThat(pending.choices()).contains("47");
            assertThat(phone(server).answer(device, PIN, pending.requestId(), "47", true).body().path("outcome")
                    .asText()).isEqualTo("approved");

            assertThat(snippet.awaitExit(60)).as(snippet.log()).isZero();
            JsonNode professional = lastJsonLine(snippet);
            assertThat(professional.path("idNat").asText()).isEqualTo(CIBA_IDNAT);
            assertThat(professional.path("amr").toString()).isEqualTo("[\"swk\",\"pin\",\"mfa\"]");
            assertThat(professional.path("roles").toString()).contains("^1.2.250.1.213.1.1.5.5");
            assertThat(snippet.log()).doesNotContain("eyJ");
        }
    }

    /** PSC's binding message is two digits: the snippet reports PSC's error and stops, and no login comes of it. */
    @Test
    void cibaWithAThreeDigitBindingMessageEndsWithPscsError(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        SnippetClient client = SnippetClient.register(server, "it-snippet-python-bad-ciba",
                "http://localhost:" + FreePort.find() + "/callback", "--ciba");

        try (SnippetProcess snippet = python(server, client, "ciba", "--id-nat", CIBA_IDNAT,
                "--binding-message", "473")) {
            assertThat(snippet.awaitExit(30)).isEqualTo(1);
            assertThat(snippet.stderr()).startsWith("psc_client: error: invalid_binding_message");
            assertThat(snippet.stdout()).isEmpty();
        }
    }

    /** A certificate PSC has not registered for the client: the code exchange is refused, nothing is printed. */
    @Test
    void aCertificateNotRegisteredForTheClientGetsNoToken(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        int port = FreePort.find();
        String redirect = "http://localhost:" + port + "/callback";
        SnippetClient registered = SnippetClient.register(server, "it-snippet-python-other", redirect);
        SnippetClient stranger = SnippetClient.issue(server, "it-snippet-python-stranger");
        SnippetClient posing = new SnippetClient(registered.clientId(), stranger.certificate());

        try (SnippetProcess snippet = python(server, posing, "login", "--redirect-uri", redirect)) {
            String url = snippet.awaitLine(line -> line.startsWith("open: "), 30).substring("open: ".length());
            CardBrowser browser = CardBrowser.withCard(server, server.dataDir().resolve("pki/cards/"
                    + CARD_IDNAT + ".p12"));
            CardBrowser.Outcome callback = browser.get(browser.choose(browser.get(url), "card").location());

            assertThat(callback.status()).isEqualTo(400);
            assertThat(snippet.awaitExit(30)).isEqualTo(1);
            assertThat(snippet.stderr()).startsWith("psc_client: error: invalid_client");
            assertThat(snippet.stdout()).noneMatch(line -> line.startsWith("{"));
        }
    }

    /** The snippet's own tests of its JWT checks: forged, re-signed, alg none, wrong issuer or audience, expired. */
    @Test
    void theSnippetsJwtChecksRefuseForgedTokens() throws Exception {
        Launcher.Result result = Launcher.runToEnd(List.of("python3",
                snippetFolder().resolve("test_psc_client.py").toString(), "-v"),
                java.util.Map.of("PYTHONDONTWRITEBYTECODE", "1"));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains("test_a_changed_payload_is_refused", "\nOK")
                .doesNotContain("FAIL", "ERROR");
    }

    private static SnippetProcess python(SandboxServer server, SnippetClient client, String command,
            String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("python3", "psc_client.py", command, "--issuer",
                server.realmUrl(), "--client-id", client.clientId(), "--cert", client.certificatePem().toString(),
                "--key", client.keyPem().toString(), "--ca", server.caBundle().toString()));
        args.addAll(List.of(options));
        return SnippetProcess.start("python-snippet", args, snippetFolder(), null);
    }

    static Path snippetFolder() {
        return Launcher.repoRoot().resolve("snippets/python");
    }

    private static JsonNode lastJsonLine(SnippetProcess snippet) throws Exception {
        List<String> lines = snippet.stdout();
        return JSON.readTree(lines.get(lines.size() - 1));
    }
}
