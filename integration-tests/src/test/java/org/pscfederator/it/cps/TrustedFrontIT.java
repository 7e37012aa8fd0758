package org.pscfederator.it.cps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Only the TLS front may tell Keycloak which certificate a user presented and where a request came from. A local
 * process that knows Keycloak's own port, and a card's public certificate, must get nothing from it: Keycloak
 * requires the front's key in the TLS handshake. Through the public port, the front replaces what a client claims.
 */
@ExtendWith(SandboxServerExtension.class)
class TrustedFrontIT {

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
