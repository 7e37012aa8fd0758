package org.pscfederator.it.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * PSC's authorization endpoint is {@code https://wallet.<host>/auth}, and integrations hard-code it (ANS's Keycloak
 * broker plugin, ANS's mod_auth_openidc demo). Here it is {@code /auth} on the sandbox's host: discovery names it, and
 * a login started there, as an integration configured with PSC's URLs starts it, completes.
 */
@Tag("psc-discovery")
@ExtendWith(SandboxServerExtension.class)
class WalletAuthorizationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "sandbox-rp";
    private static final String SECRET = "sandbox-rp-secret";
    private static final String REDIRECT = "https://localhost/sandbox-rp/callback";

    @Test
    void discoveryNamesTheAuthorizationEndpointAtAuthAsPscDoes(SandboxServer server) throws Exception {
        String endpoint = authorizationEndpoint(server);

        assertThat(endpoint).isEqualTo(URI.create(server.baseUrl()).resolve("/auth").toString());
    }

    @Test
    void cardLoginStartedAtPscsAuthorizationUrlCompletes(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        CardBrowser browser = CardBrowser.withCard(server, server.dataDir().resolve("pki/cards/899700366240.p12"));
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
        String query = "response_type=code&client_id=" + CLIENT + "&redirect_uri=" + encode(REDIRECT)
                + "&scope=" + encode(request.scope()) + "&state=" + request.state() + "&nonce=" + request.nonce()
                + "&acr_values=eidas1&code_challenge=" + challenge(request.verifier()) + "&code_challenge_method=S256";

        HttpResponse<String> first = server.send(HttpRequest.newBuilder(URI.create(authorizationEndpoint(server)
                + "?" + query)).GET().build());
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).contains("/auth/realms/" + SandboxServer.REALM
                + "/protocol/openid-connect/auth?" + query);

        CardBrowser.Outcome page = browser.open(URI.create(authorizationEndpoint(server) + "?" + query));

        assertThat(page.status()).as(page.page()).isEqualTo(200);
        assertThat(page.page()).contains("id=\"psc-login-form\"");
        CardBrowser.Outcome end = browser.choose(page, "card");
        assertThat(end.redirected()).as(end.page()).isTrue();
        assertThat(end.redirectParameters()).containsEntry("state", request.state()).containsKey("code");
        HttpResponse<String> tokens = CardBrowser.exchange(server, end.redirectParameters().get("code"), request,
                SECRET);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    }

    @Test
    void authorizationRequestPostedToAuthIsPostedAgainToTheRealm(SandboxServer server) throws Exception {
        HttpResponse<String> answer = server.send(HttpRequest.newBuilder(URI.create(authorizationEndpoint(server)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("response_type=code&client_id=" + CLIENT)).build());

        assertThat(answer.statusCode()).isEqualTo(307);
        assertThat(answer.headers().firstValue("Location")).contains("/auth/realms/" + SandboxServer.REALM
                + "/protocol/openid-connect/auth");
    }

    @Test
    void keycloaksOwnPathUnderAuthIsLeftAlone(SandboxServer server) throws Exception {
        HttpResponse<String> console = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/"))
                .GET().build());

        assertThat(console.headers().firstValue("Location").orElse(""))
                .doesNotContain("protocol/openid-connect/auth");
    }

    private static String authorizationEndpoint(SandboxServer server) throws Exception {
        return JSON.readTree(server.get(server.realmUrl() + "/.well-known/openid-configuration", null).body())
                .path("authorization_endpoint").asText();
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
