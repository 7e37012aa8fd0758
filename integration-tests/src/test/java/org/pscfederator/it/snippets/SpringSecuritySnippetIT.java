package org.pscfederator.it.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.FreePort;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Spring Security snippet of docs/snippets-spring-security.md, run as a vendor runs it against the sandbox: a
 * professional logs in with a test card through Spring's OAuth2 login (code flow, PKCE S256, acr_values=eidas1), the
 * code goes to the token endpoint's mutual-TLS alias with the ORG certificate (tls_client_auth, RFC 8705 section
 * 2.1.1), and the application shows the PSC claims of the ID token and of the signed userinfo it verified.
 */
@Tag("psc-onboarding")
@Tag("snippets")
@ExtendWith(SandboxServerExtension.class)
class SpringSecuritySnippetIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IDNAT = "899700366240";

    @Test
    void aProfessionalLogsInThroughSpringSecurityWithTheOrgCertificate(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        int port = FreePort.find();
        SnippetClient client = SnippetClient.register(server, "it-snippet-spring",
                "http://localhost:" + port + "/login/oauth2/code/psc");

        try (SnippetProcess app = SpringSnippet.start(server, port, client.clientId(), client.keystore())) {
            CardBrowser browser = CardBrowser.withCard(server, card(server));
            CardBrowser.Outcome toPsc = loginRedirect(browser, app.url());
            // PSC's authorization URL, as discovery names it, with what PSC's rules ask.
            assertThat(toPsc.location()).startsWith(URI.create(server.baseUrl()).resolve("/auth") + "?")
                    .contains("client_id=it-snippet-spring", "code_challenge=", "code_challenge_method=S256",
                            "acr_values=eidas1", "nonce=", "state=", "scope=openid%20scope_all");

            CardBrowser.Outcome back = browser.choose(browser.get(toPsc.location()), "card");
            assertThat(back.location()).as(back.page()).startsWith(app.url() + "/login/oauth2/code/psc?")
                    .contains("code=");
            CardBrowser.Outcome loggedIn = browser.get(back.location());
            assertThat(loggedIn.status()).as(loggedIn.page() + app.log()).isEqualTo(302);

            CardBrowser.Outcome shown = browser.get(app.url() + "/");
            assertThat(shown.status()).as(shown.page()).isEqualTo(200);
            JsonNode professional = JSON.readTree(shown.page());
            assertThat(professional.path("idNat").asText()).isEqualTo(IDNAT);
            assertThat(professional.path("acr").asText()).isEqualTo("eidas1");
            // In the signed userinfo only: the application read and verified it.
            assertThat(professional.path("organization").asText()).isEqualTo("CABINET M DOC0036624");
            assertThat(professional.path("familyName").asText()).isEqualTo("DOC0036624");
            assertThat(professional.path("roles").toString()).contains("10^1.2.250.1.213.1.1.5.5");
            assertThat(app.log()).doesNotContain("eyJ");
        }
    }

    /** The same application with an ORG certificate PSC has not registered for the client: no login, a clear error. */
    @Test
    void aCertificateNotRegisteredForTheClientGetsNoLogin(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        int port = FreePort.find();
        SnippetClient registered = SnippetClient.register(server, "it-snippet-spring-other",
                "http://localhost:" + port + "/login/oauth2/code/psc");
        SnippetClient unregistered = SnippetClient.issue(server, "it-snippet-spring-stranger");

        try (SnippetProcess app = SpringSnippet.start(server, port, registered.clientId(),
                unregistered.keystore())) {
            CardBrowser browser = CardBrowser.withCard(server, card(server));
            CardBrowser.Outcome toPsc = loginRedirect(browser, app.url());
            CardBrowser.Outcome back = browser.choose(browser.get(toPsc.location()), "card");
            assertThat(back.location()).as(back.page()).startsWith(app.url() + "/login/oauth2/code/psc?")
                    .contains("code=");

            CardBrowser.Outcome refused = browser.get(back.location());

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.page()).contains("PSC login refused", "invalid_client");
            assertThat(browser.get(app.url() + "/").status()).as("still not logged in").isEqualTo(302);
        }
    }

    /** The application's entry: "/" sends a stranger to Spring's login for PSC, which sends it to PSC. */
    private static CardBrowser.Outcome loginRedirect(CardBrowser browser, String app) throws Exception {
        CardBrowser.Outcome toLogin = browser.get(app + "/");
        assertThat(toLogin.status()).isEqualTo(302);
        CardBrowser.Outcome toPsc = browser.get(URI.create(app + "/").resolve(toLogin.location()).toString());
        assertThat(toPsc.status()).as(toPsc.page()).isEqualTo(302);
        return toPsc;
    }

    private static Path card(SandboxServer server) {
        return server.dataDir().resolve("pki").resolve("cards").resolve(IDNAT + ".p12");
    }
}
