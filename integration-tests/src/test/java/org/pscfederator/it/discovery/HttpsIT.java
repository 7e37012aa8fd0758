package org.pscfederator.it.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

/** Sandbox: HTTPS only, with a server certificate from the sandbox PKI; client certificates requested, not required. */
@Tag("psc-sandbox")
@ExtendWith(SandboxServerExtension.class)
class HttpsIT {

    @Test
    void serverCertificateChainsToTheSandboxCaBundle(SandboxServer server) throws Exception {
        try (SSLSocket socket = handshake(server, new RecordingKeyManager())) {
            // The handshake verified the chain against the sandbox CA bundle alone, and the host name.
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(leaf.getSubjectAlternativeNames()).anySatisfy(name -> assertThat(name.get(1)).isEqualTo("localhost"));
        }
    }

    @Test
    void clientCertificateIsRequestedButNotRequired(SandboxServer server) throws Exception {
        RecordingKeyManager keyManager = new RecordingKeyManager();
        try (SSLSocket socket = handshake(server, keyManager)) {
            socket.getOutputStream().write(("GET /auth/realms/esante-wallet/.well-known/openid-configuration HTTP/1.1\r\n"
                    + "Host: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(keyManager.requestedIssuers).as("the server asked for a client certificate").isNotNull();
            assertThat(statusLine).as("and answered without one").isEqualTo("HTTP/1.1 200");
        }
    }

    @Test
    void httpsPortDoesNotServeCleartext(SandboxServer server) throws Exception {
        String answer;
        try (Socket socket = new Socket("localhost", server.httpsPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /auth/ HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readNBytes(8), StandardCharsets.ISO_8859_1);
        } catch (IOException closedByServer) {
            answer = "";
        }
        assertThat(answer).doesNotStartWith("HTTP/");
    }

    private static SSLSocket handshake(SandboxServer server, RecordingKeyManager keyManager) throws Exception {
        SSLSocket socket = (SSLSocket) SandboxServer.withKeys(new KeyManager[] {keyManager}, server.caBundle())
                .getSocketFactory().createSocket("localhost", server.httpsPort());
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(10000);
        socket.startHandshake();
        return socket;
    }

    /** Presents no certificate, and remembers whether the server asked for one. */
    static final class RecordingKeyManager extends X509ExtendedKeyManager {
        volatile List<Principal> requestedIssuers;

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            requestedIssuers = issuers == null ? List.of() : List.of(issuers);
            return null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return null;
        }
    }
}
