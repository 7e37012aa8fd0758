package org.pscfederator.it.cps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Only the TLS front may tell Keycloak which certificate a user presented and where a request came from. A local
 * process that knows Keycloak's own port, and a card's public certificate, must get nothing from it: Keycloak
 * requires the front's key in the TLS handshake. Through the public port, the front replaces what a client claims.
 */
@ExtendWith(SandboxServerExtension.class)
class TrustedFrontIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORGED_ADDRESS = "203.0.113.7";

    @Test
    void directConnectionToKeycloakIsRefused(SandboxServer server) throws Exception {
        String answer = send(server, server.keycloakPort(), null, forgedRequest(server));

        assertThat(answer).as("no HTTP answer: the TLS connection was refused").doesNotStartWith("HTTP/");
    }

    /** A card's key presented to Keycloak itself is not the front's key either. */
    @Test
    void cardPresentedStraightToKeycloakIsRefused(SandboxServer server) throws Exception {
        String answer = send(server, server.keycloakPort(), CardBrowser.keysOf(CardLoginIT.sandboxCard(server, "899700366240")),
                forgedRequest(server));

        assertThat(answer).as("no HTTP answer: the TLS connection was refused").doesNotStartWith("HTTP/");
    }

    /** The same request through the public port is answered: the refusal above is Keycloak's, not a dead port. */
    @Test
    void sameRequestThroughTheFrontIsAnswered(SandboxServer server) throws Exception {
        String answer = send(server, server.httpsPort(), null, forgedRequest(server));

        assertThat(answer).startsWith("HTTP/1.1 200");
    }

    /** Keycloak records the address the front saw, whatever X-Forwarded-For a client sends. */
    @Test
    void forwardedForSentByAClientIsReplacedByTheFront(SandboxServer server) throws Exception {
        long before = Instant.now().toEpochMilli() - 1_000;
        CardBrowser browser = CardBrowser.withoutCard(server).withHeader("X-Forwarded-For", FORGED_ADDRESS);

        browser.loginWithCard(CardBrowser.Request.of("sandbox-rp", "https://localhost/sandbox-rp/callback"));

        List<JsonNode> recent = new ArrayList<>();
        server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM + "/events?type=LOGIN_ERROR&max=50",
                server.adminToken()).forEach(event -> {
                    if (event.path("time").asLong() >= before) {
                        recent.add(event);
                    }
                });
        assertThat(recent).as("the refused login's event").isNotEmpty()
                .allSatisfy(event -> assertThat(event.path("ipAddress").asText()).isNotEqualTo(FORGED_ADDRESS)
                        .isIn("127.0.0.1", "0:0:0:0:0:0:0:1", "::1"));
    }

    /**
     * A relying service's public certificate in the header, sent to the public port: the front drops it, so
     * {@code tls_client_auth} as sandbox-rp fails at the CIBA endpoint, no request is opened and the refusal is logged.
     */
    @Test
    void certificateHeaderSentByAClientDoesNotAuthenticateARelyingService(SandboxServer server) throws Exception {
        long before = Instant.now().toEpochMilli() - 1_000;
        String pem = Files.readString(server.dataDir().resolve("pki/clients/sandbox-rp.crt.pem"));

        HttpResponse<String> answer = server.send(HttpRequest.newBuilder(URI.create(server.realmUrl()
                        + "/protocol/openid-connect/ext/ciba/auth"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("ssl-client-cert", URLEncoder.encode(pem, StandardCharsets.US_ASCII))
                .POST(HttpRequest.BodyPublishers.ofString("client_id=sandbox-rp&login_hint=899700366240"
                        + "&binding_message=42&acr_values=eidas1&scope=openid%20scope_all")).build());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).path("error").asText()).isEqualTo("invalid_client");
        assertThat(answer.body()).doesNotContain("auth_req_id");
        assertThat(since(server, "CLIENT_LOGIN_ERROR&client=sandbox-rp", before))
                .as("the refused client authentication's event")
                .anySatisfy(event -> assertThat(event.at("/details/psc_reason").asText()).isEqualTo("no_certificate"));
    }

    /** A card's public certificate in the header, sent to the public port, gets no activation code for its holder. */
    @Test
    void certificateHeaderSentByAClientGetsNoActivationCode(SandboxServer server) throws Exception {
        long before = Instant.now().toEpochMilli() - 1_000;
        String pem = Files.readString(server.dataDir().resolve("pki/cards/899700366240.crt.pem"));
        CardBrowser browser = CardBrowser.withoutCard(server)
                .withHeader("ssl-client-cert", URLEncoder.encode(pem, StandardCharsets.US_ASCII));

        CardBrowser.Outcome page = browser.get(server.realmUrl() + "/psc-ecps/v1/activation/card");

        assertThat(page.status()).as(page.page()).isEqualTo(403);
        assertThat(page.page()).contains("card_no_certificate").doesNotContain("activation_code");
        assertThat(since(server, "UPDATE_CREDENTIAL_ERROR", before)).as("the refused activation's event")
                .anySatisfy(event -> {
                    assertThat(event.at("/details/psc_ecps_action").asText()).isEqualTo("activation_code_by_card");
                    assertThat(event.at("/details/psc_reason").asText()).isEqualTo("no_certificate");
                });
    }

    /**
     * Pushes from one client, each with another forged X-Forwarded-For, are all counted for the address the front
     * saw: past the per-address limit the next one is refused, as without the header.
     */
    @Test
    void forwardedForSentByAClientDoesNotSidestepThePerAddressPushLimit(SandboxServer server) throws Exception {
        // Every test client comes from 127.0.0.1: a limit of 2 for this test, whatever else ran this minute.
        Map<String, String> previous = EcpsFlow.realmAttributes(server, Map.of("pscEcpsPushesPerAddressPerMinute",
                "2"));
        CardBrowser browser = CardBrowser.withoutCard(server);
        CardBrowser.Outcome last;
        try {
            for (int i = 0; i < 2; i++) {
                browser.withHeader("X-Forwarded-For", "203.0.113." + (10 + i));
                EcpsFlow.identify(browser, CardBrowser.Request.of(EcpsFlow.CLIENT, EcpsFlow.REDIRECT), "89999999" + (4000 + i));
            }
            browser.withHeader("X-Forwarded-For", "203.0.113.20");
            last = EcpsFlow.identify(browser, CardBrowser.Request.of(EcpsFlow.CLIENT, EcpsFlow.REDIRECT), "899999995000");
        } finally {
            EcpsFlow.realmAttributes(server, previous);
        }

        EcpsFlow.assertNoSession(browser, last);
        assertThat(last.page()).contains("data-reason=\"too_many_pushes_address\"").doesNotContain("psc-ecps-code");
        assertThat(EcpsFlow.events(server, "LOGIN_ERROR", Map.of("psc_reason", "too_many_pushes_address",
                "psc_idnat", "899999995000"))).isNotEmpty()
                .allSatisfy(event -> assertThat(event.path("ipAddress").asText()).doesNotStartWith("203.0.113."));
    }

    /** The realm's events of this type (and query) since that time. */
    private static List<JsonNode> since(SandboxServer server, String typeAndQuery, long time) throws Exception {
        List<JsonNode> recent = new ArrayList<>();
        server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM + "/events?type=" + typeAndQuery
                + "&max=100", server.adminToken()).forEach(event -> {
                    if (event.path("time").asLong() >= time) {
                        recent.add(event);
                    }
                });
        return recent;
    }

    /** An authorization request carrying a card's certificate and a forged address, as a local attacker sends it. */
    private static String forgedRequest(SandboxServer server) throws IOException {
        String pem = Files.readString(server.dataDir().resolve("pki/cards/899700366240.crt.pem"));
        return "GET /auth/realms/" + SandboxServer.REALM + "/.well-known/openid-configuration HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "ssl-client-cert: " + URLEncoder.encode(pem, StandardCharsets.US_ASCII) + "\r\n"
                + "X-Forwarded-For: " + FORGED_ADDRESS + "\r\n"
                + "Connection: close\r\n\r\n";
    }

    /** The first bytes of the answer, or why there was none. */
    private static String send(SandboxServer server, int port, KeyManager[] keys, String request) throws Exception {
        try (SSLSocket socket = (SSLSocket) SandboxServer.withKeys(keys, server.caBundle()).getSocketFactory()
                .createSocket("127.0.0.1", port)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(10_000);
            assertThat(socket.isConnected()).as("something listens on port " + port).isTrue();
            try {
                socket.startHandshake();
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                byte[] start = socket.getInputStream().readNBytes(12);
                return start.length == 0 ? "(closed without an answer)" : new String(start, StandardCharsets.US_ASCII);
            } catch (IOException refused) {
                return "(refused: " + refused + ")";
            }
        }
    }
}
