package org.pscfederator.it.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * PSC serves its authorization endpoint on a "wallet" host ({@code https://wallet.<host>/auth}), the other endpoints
 * on the auth host. Started with {@code --wallet-host wallet.localhost}, the sandbox names that URL in discovery, its
 * certificate names the host, and a login started there completes on the public host. The name does not resolve
 * here (Java 17 has no hosts-file override): the test connects to 127.0.0.1 presenting it in SNI and Host, as a
 * browser whose DNS names it would.
 */
@Tag("psc-discovery")
class WalletHostIT {

    private static final String WALLET_HOST = "wallet.localhost";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "sandbox-rp";
    private static final String REDIRECT = "https://localhost/sandbox-rp/callback";
    private static SandboxServer server;

    @BeforeAll
    static void start() {
        server = new SandboxServer("sandbox-wallet-host", List.of("--wallet-host", WALLET_HOST)).startFresh();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void discoveryNamesTheWalletHostForAuthorizationOnlyAndALoginStartedThereCompletes() throws Exception {
        JsonNode discovery = server.getJson(server.realmUrl() + "/.well-known/wallet-openid-configuration");
        String wallet = "https://" + WALLET_HOST + ":" + server.httpsPort() + "/auth";
        assertThat(discovery.path("authorization_endpoint").asText()).isEqualTo(wallet);
        assertThat(discovery.path("issuer").asText()).isEqualTo(server.realmUrl());
        assertThat(discovery.path("token_endpoint").asText()).startsWith(server.realmUrl() + "/");
        assertThat(discovery.path("end_session_endpoint").asText()).startsWith(server.realmUrl() + "/");

        server.importSandboxDirectories();
        CardBrowser browser = CardBrowser.withCard(server, server.dataDir().resolve("pki/cards/899700366240.p12"));
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
        String query = "response_type=code&client_id=" + CLIENT + "&redirect_uri=" + encode(REDIRECT)
                + "&scope=" + encode(request.scope()) + "&state=" + request.state() + "&nonce=" + request.nonce()
                + "&acr_values=eidas1&code_challenge=" + challenge(request.verifier())
                + "&code_challenge_method=S256";

        String answer = onWalletHost("GET /auth?" + query + " HTTP/1.1\r\nHost: " + WALLET_HOST + ":"
                + server.httpsPort() + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 303");
        Matcher location = Pattern.compile("(?im)^location: (\\S+)").matcher(answer);
        assertThat(location.find()).as(answer).isTrue();
        // On to the realm on the public host, where Keycloak builds its URLs and sets its cookies.
        assertThat(location.group(1)).isEqualTo(server.realmUrl() + "/protocol/openid-connect/auth?" + query);
        CardBrowser.Outcome page = browser.open(URI.create(location.group(1)));
        assertThat(page.status()).as(page.page()).isEqualTo(200);
        CardBrowser.Outcome end = browser.choose(page, "card");
        assertThat(end.redirectParameters()).as(end.page()).containsEntry("state", request.state())
                .containsKey("code");
        assertThat(CardBrowser.exchange(server, end.redirectParameters().get("code"), request, "sandbox-rp-secret")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anAuthorizationRequestPostedOnTheWalletHostIsPostedAgainToTheRealm() throws Exception {
        String body = "response_type=code&client_id=" + CLIENT;
        String answer = onWalletHost("POST /auth HTTP/1.1\r\nHost: " + WALLET_HOST + ":" + server.httpsPort()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(answer).startsWith("HTTP/1.1 307").containsIgnoringCase("location: " + server.realmUrl()
                + "/protocol/openid-connect/auth");
    }

    /**
     * One request over TLS to 127.0.0.1 with SNI {@value #WALLET_HOST}; the server certificate must name that host
     * (HTTPS endpoint identification against the name, not the address).
     */
    private static String onWalletHost(String request) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", server.httpsPort()), 5_000);
        try (SSLSocket tls = (SSLSocket) SandboxServer.trusting(server.caBundle()).getSocketFactory()
                .createSocket(plain, WALLET_HOST, server.httpsPort(), true)) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(WALLET_HOST)));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(30_000);
            tls.startHandshake();
            OutputStream out = tls.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = tls.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String challenge(String verifier) throws Exception {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
