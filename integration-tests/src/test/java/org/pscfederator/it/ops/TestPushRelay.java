package org.pscfederator.it.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.TestPki;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * A push relay as production's would be, run by the test on 127.0.0.1: HTTPS that requires a client certificate of
 * its own test PKI (not the sandbox's), recording each push it gets, answering the status the test sets. The
 * federator's client key and the relay's CA are written as the server reads them, under a password of this run
 * (not the sandbox's 1234), so that a test can look for it in the log.
 */
final class TestPushRelay implements AutoCloseable {

    private static final char[] TEST_PKI_PASSWORD = "1234".toCharArray();
    static final String CLIENT_NAME = "psc-push-client";

    /** One push as the relay received it: the body, and the certificate the caller presented. */
    record Push(String body, X509Certificate client) {
    }

    private final TestPki pki;
    private final IssuedCertificate federator;
    private final Path clientStore;
    private final Path trustStore;
    private final Path passwordFile;
    private final String password;
    private final SSLContext tls;
    private final List<Push> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(202);
    private final AtomicInteger delayMillis = new AtomicInteger();
    private HttpsServer server;
    private int port;

    TestPushRelay(Path folder) {
        try {
            Files.createDirectories(folder);
            pki = TestPki.createOrOpen(folder.resolve("pki"));
            IssuedCertificate relay = pki.issueServer(List.of("localhost"), List.of("127.0.0.1"));
            federator = pki.issueClient(ClientRequest.of(CLIENT_NAME));
            byte[] random = new byte[8];
            new SecureRandom().nextBytes(random);
            password = "relay-" + HexFormat.of().formatHex(random);
            clientStore = rewrap(federator.keystore(), folder.resolve("push-client.p12"));
            trustStore = rewrap(pki.trustStore(), folder.resolve("push-relay-ca.p12"));
            passwordFile = Files.writeString(folder.resolve("push-relay-password"), password + "\n");
            tls = SSLContext.getInstance("TLS");
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(relay.keystore(), TEST_PKI_PASSWORD), TEST_PKI_PASSWORD);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(pki.trustStore(), TEST_PKI_PASSWORD));
            tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        listen(0);
    }

    /** Listens on {@code wanted} (0: any free port), 127.0.0.1 only. */
    private void listen(int wanted) {
        try {
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", wanted), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the test relay cannot listen on 127.0.0.1:" + wanted, e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters required = getSSLContext().getDefaultSSLParameters();
                required.setNeedClientAuth(true);
                parameters.setSSLParameters(required);
            }
        });
        server.createContext("/push", exchange -> {
            try (exchange) {
                X509Certificate client;
                try {
                    client = (X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0];
                } catch (SSLPeerUnverifiedException e) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                try (InputStream body = exchange.getRequestBody()) {
                    received.add(new Push(new String(body.readAllBytes(), StandardCharsets.UTF_8), client));
                }
                try {
                    Thread.sleep(delayMillis.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                int answer = status.get();
                byte[] text = (answer / 100 == 2 ? "" : "relay trouble").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer, text.length == 0 ? -1 : text.length);
                if (text.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(text);
                    }
                }
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    /** The test PKI's PKCS#12 (password 1234) written again under this run's password, as an operator's would be. */
    private Path rewrap(Path source, Path target) throws IOException, GeneralSecurityException {
        KeyStore from = load(source, TEST_PKI_PASSWORD);
        KeyStore to = KeyStore.getInstance("PKCS12");
        to.load(null, null);
        for (String alias : Collections.list(from.aliases())) {
            if (from.isKeyEntry(alias)) {
                Key key = from.getKey(alias, TEST_PKI_PASSWORD);
                Certificate[] chain = from.getCertificateChain(alias);
                to.setKeyEntry(alias, key, password.toCharArray(), chain);
            } else {
                to.setCertificateEntry(alias, from.getCertificate(alias));
            }
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            to.store(out, password.toCharArray());
        }
        return target;
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    /** The launcher's options that point the server at this relay; the password goes by file. */
    List<String> launcherOptions() {
        return List.of("--push-relay-url", url(), "--push-relay-keystore", clientStore.toString(),
                "--push-relay-truststore", trustStore.toString(), "--push-relay-password-file", passwordFile.toString());
    }

    String url() {
        return "https://127.0.0.1:" + port + "/push";
    }

    String password() {
        return password;
    }

    /** The certificate the federator presents to the relay. */
    X509Certificate federatorCertificate() {
        return federator.certificate();
    }

    void answer(int httpStatus) {
        status.set(httpStatus);
        delayMillis.set(0);
    }

    /** Answers {@code httpStatus}, but only after {@code millis}: a slow relay. */
    void answerAfter(int httpStatus, int millis) {
        status.set(httpStatus);
        delayMillis.set(millis);
    }

    /** The pushes received, once there are {@code count} (waiting up to 10 s for them). */
    List<Push> awaitPushes(int count) throws InterruptedException {
        for (int attempt = 0; attempt < 100 && received.size() < count; attempt++) {
            Thread.sleep(100);
        }
        return received();
    }

    List<Push> received() {
        return List.copyOf(received);
    }

    void forget() {
        received.clear();
    }

    /** Closes the port: the federator's next push finds nobody there. */
    void goAway() {
        server.stop(0);
    }

    /** Listens again on the same port, after {@link #goAway()}. */
    void comeBack() {
        listen(port);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
