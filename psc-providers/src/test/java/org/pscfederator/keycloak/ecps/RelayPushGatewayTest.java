package org.pscfederator.keycloak.ecps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.TestPki;

/** The production push gateway against a local HTTPS relay that requires a client certificate. */
class RelayPushGatewayTest {

    private static final char[] PASSWORD = "1234".toCharArray();

    @TempDir
    Path folder;

    private TestPki pki;
    private HttpsServer relay;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> clients = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startRelay() throws Exception {
        pki = TestPki.createOrOpen(folder.resolve("pki"));
        IssuedCertificate server = pki.issueServer(List.of("localhost"), List.of("127.0.0.1"));
        SSLContext serverTls = MutualTls.context(server.keystore(), pki.trustStore(), PASSWORD);
        relay = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        relay.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
            @Override
            public void configure(HttpsParameters parameters) {
                javax.net.ssl.SSLParameters tls = getSSLContext().getDefaultSSLParameters();
                tls.setNeedClientAuth(true);
                parameters.setSSLParameters(tls);
            }
        });
        relay.createContext("/push", exchange -> {
            SSLSession tls = ((HttpsExchange) exchange).getSSLSession();
            clients.add(((java.security.cert.X509Certificate) tls.getPeerCertificates()[0])
                    .getSubjectX500Principal().getName());
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        relay.start();
    }

    @AfterEach
    void stopRelay() {
        relay.stop(0);
    }

    private URI url() {
        return URI.create("https://localhost:" + relay.getAddress().getPort() + "/push");
    }

    private static EcpsRequest request() {
        return new EcpsRequest("0123456789abcdef0123456789abcdef", "899700366240", "47", List.of("12", "47", "83"),
                "Service", null, Instant.now(), Instant.now().plusSeconds(120), null);
    }

    private static Device device() {
        return new Device("device-1", "899700366240", "{}", "phone", Instant.now(), null, null);
    }

    @Test
    void postsTheDeviceAndTheRequestOnlyWithItsClientCertificate() {
        IssuedCertificate client = pki.issueClient(ClientRequest.of("psc-push-client"));
        RelayPushGateway gateway = new RelayPushGateway(url(),
                MutualTls.context(client.keystore(), pki.trustStore(), PASSWORD));

        assertThat(gateway.post(device(), request()).join()).isEqualTo(202);

        assertThat(clients).singleElement().asString().contains("psc-push-client");
        assertThat(bodies).singleElement().asString().contains("\"device_id\":\"device-1\"")
                .contains("\"request_id\":\"0123456789abcdef0123456789abcdef\"")
                .doesNotContain("899700366240").doesNotContain("\"47\"");
    }

    @Test
    void withoutAClientCertificateTheRelayRefusesTheConnection() throws Exception {
        SSLContext noClientCertificate = SSLContext.getInstance("TLS");
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(pki.trustStore())) {
            store.load(in, PASSWORD);
        }
        trust.init(store);
        noClientCertificate.init(null, trust.getTrustManagers(), null);

        assertThat(new RelayPushGateway(url(), noClientCertificate).post(device(), request()).join()).isEqualTo(-1);
        assertThat(bodies).isEmpty();
    }

    @Test
    void onlyHttpsRelays() {
        assertThatThrownBy(() -> new RelayPushGateway(URI.create("http://relay.example/push"),
                MutualTls.context(pki.issueClient(ClientRequest.of("c")).keystore(), pki.trustStore(), PASSWORD)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
