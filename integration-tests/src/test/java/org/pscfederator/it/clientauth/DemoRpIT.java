package org.pscfederator.it.clientauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.AdminTool;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.DemoRelyingService;
import org.pscfederator.it.harness.FreePort;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo relying service: started as bin/psc-demo-rp starts it against the real sandbox, a professional
 * logs in through it with a sandbox test card (the card's certificate in the TLS handshake with PSC), the demo
 * exchanges the code, verifies the ID token and the signed userinfo, shows the professional, and logs out.
 */
@Tag("psc-onboarding")
@ExtendWith(SandboxServerExtension.class)
class DemoRpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IDNAT = "899700366240";

    @Test
    void aProfessionalLogsInThroughTheDemoWithTheSandboxSecret(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        int port = FreePort.find();
        allowDemoOnSandboxRp(server, port);

        try (DemoRelyingService demo = DemoRelyingService.start(server, port, "--client-id", "sandbox-rp",
                "--client-secret", "sandbox-rp-secret")) {
            assertThat(demo.log()).contains("warning: authenticating with a client secret: sandbox trials only");
            loginShowAndLogout(server, demo);
        }
    }

    @Test
    void aProfessionalLogsInThroughTheDemoWithItsOrgCertificate(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        int port = FreePort.find();
        IssuedCertificate certificate = TestPki.open(server.dataDir().resolve("pki"))
                .issueClient(ClientRequest.of("it-demo-mtls").withOrganisation("CABINET DEMO", "R95141"));
        Launcher.Result registered = AdminTool.client(server, SandboxServer.ADMIN_PASSWORD, "register",
                "--client-id", "it-demo-mtls", "--redirect-uri", "https://localhost:" + port + "/callback",
                "--post-logout-redirect-uri", "https://localhost:" + port + "/", "--cert",
                certificate.certificatePem().toString());
        assertThat(registered.exitCode()).as(registered.stderr()).isZero();

        try (DemoRelyingService demo = DemoRelyingService.start(server, port, "--client-id", "it-demo-mtls",
                "--cert", certificate.keystore().toString())) {
            assertThat(demo.log()).contains("tls_client_auth").doesNotContain("warning");
            loginShowAndLogout(server, demo);
        }
    }

    @Test
    void aCallbackThatThisBrowserDidNotAskForIsRefused(SandboxServer server) throws Exception {
        int port = FreePort.find();
        allowDemoOnSandboxRp(server, port);

        try (DemoRelyingService demo = DemoRelyingService.start(server, port, "--client-id", "sandbox-rp",
                "--client-secret", "sandbox-rp-secret")) {
            CardBrowser browser = CardBrowser.withoutCard(server);
            assertThat(browser.get(demo.url() + "/login").status()).isEqualTo(302);

            CardBrowser.Outcome forged = browser.get(demo.url() + "/callback?code=stolen&state=not-mine");

            assertThat(forged.status()).isEqualTo(400);
            assertThat(forged.page()).contains("Réponse refusée", "invalid_state");
            assertThat(browser.get(demo.url() + "/").page()).contains("Se connecter avec Pro Santé Connect")
                    .doesNotContain(IDNAT);
            assertThat(CardBrowser.withoutCard(server).get(demo.url() + "/callback?code=x&state=y").status())
                    .isEqualTo(400);
        }
    }

    private static void loginShowAndLogout(SandboxServer server, DemoRelyingService demo) throws Exception {
        CardBrowser browser = CardBrowser.withCard(server, cardOf(server, IDNAT));

        CardBrowser.Outcome toPsc = browser.get(demo.url() + "/login");
        assertThat(toPsc.status()).isEqualTo(302);
        // PSC's authorization URL, as discovery names it: the front sends it on to the realm's endpoint.
        assertThat(toPsc.location()).startsWith(java.net.URI.create(server.baseUrl()).resolve("/auth") + "?")
                .contains("scope=openid+scope_all", "acr_values=eidas1", "code_challenge_method=S256", "state=",
                        "nonce=", "redirect_uri=" + URLEncoder.encode(demo.url() + "/callback", StandardCharsets.UTF_8));
        CardBrowser.Outcome loginPage = browser.get(toPsc.location());
        assertThat(loginPage.status()).as(loginPage.page()).isEqualTo(200);
        CardBrowser.Outcome back = browser.choose(loginPage, "card");
        assertThat(back.location()).as(back.page()).startsWith(demo.url() + "/callback?");
        CardBrowser.Outcome callback = browser.get(back.location());
        assertThat(callback.status()).as(callback.page() + demo.log()).isEqualTo(302);
        assertThat(callback.location()).isEqualTo("/");

        CardBrowser.Outcome claims = browser.get(demo.url() + "/");
        assertThat(claims.status()).isEqualTo(200);
        assertThat(claims.page()).contains("<h2>KIT DOC0036624</h2>", "<dd id=\"idnat\">" + IDNAT + "</dd>",
                "10 (Médecin)", "CABINET M DOC0036624", "Se déconnecter");
        assertThat(claims.page()).doesNotContain("eyJ");

        CardBrowser.Outcome toLogout = browser.post(demo.url() + "/logout");
        assertThat(toLogout.location()).startsWith(server.realmUrl() + "/protocol/openid-connect/logout?")
                .contains("id_token_hint=", "post_logout_redirect_uri="
                        + URLEncoder.encode(demo.url() + "/", StandardCharsets.UTF_8));
        CardBrowser.Outcome loggedOut = browser.get(toLogout.location());
        assertThat(loggedOut.location()).as(loggedOut.status() + " " + loggedOut.page())
                .startsWith(demo.url() + "/");
        assertThat(browser.get(loggedOut.location()).page()).contains("Vous êtes déconnecté").doesNotContain(IDNAT);
        // PSC's session is gone too: a new login shows PSC's login page again rather than coming straight back.
        CardBrowser.Outcome again = browser.get(browser.get(demo.url() + "/login").location());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.page()).contains("psc-login-form");
        assertThat(demo.log()).doesNotContain("eyJ");
    }

    /** The sandbox-rp client lists the demo's fixed default (https://localhost:8444); here the demo's test port. */
    private static void allowDemoOnSandboxRp(SandboxServer server, int port) throws Exception {
        String token = server.adminToken();
        String clients = server.baseUrl() + "/admin/realms/" + SandboxServer.REALM + "/clients";
        ObjectNode client = (ObjectNode) server.getJson(clients + "?search=false&clientId=sandbox-rp", token).get(0);
        ((ArrayNode) client.withArray("redirectUris")).add("https://localhost:" + port + "/callback");
        ObjectNode attributes = client.with("attributes");
        attributes.put("post.logout.redirect.uris", attributes.path("post.logout.redirect.uris").asText()
                + "##https://localhost:" + port + "/");
        attributes.put("backchannel.logout.url", "https://localhost:" + port + "/backchannel-logout");
        HttpResponse<String> updated = server.send(HttpRequest.newBuilder(URI.create(clients + "/"
                        + client.path("id").asText()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build());
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    }

    private static Path cardOf(SandboxServer server, String idNat) {
        return server.dataDir().resolve("pki").resolve("cards").resolve(idNat + ".p12");
    }

}
