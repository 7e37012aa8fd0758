package org.pscfederator.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * The sandbox's TLS front, doing what nginx does before a production federator (docs/card-login.md): it terminates
 * TLS on the public port, asks the browser for a client certificate and lets any through the handshake, and forwards
 * each request to Keycloak on the loopback interface with the certificate in the {@code ssl-client-cert} header
 * (URL-encoded PEM, as nginx's {@code $ssl_client_escaped_cert}). Keycloak takes that header only from the trusted
 * proxy addresses. A header of the same name sent by a client is dropped here.
 */
final class TlsFront implements AutoCloseable {

    static final String CERTIFICATE_HEADER = "ssl-client-cert";
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
            "content-length", "expect", "host", CERTIFICATE_HEADER, "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-port", "forwarded");

    private final HttpsServer server;
    private final ExecutorService workers;
    private final HttpClient keycloak;
    private final String keycloakBase;

    private TlsFront(HttpsServer server, ExecutorService workers, HttpClient keycloak, String keycloakBase) {
        this.server = server;
        this.workers = workers;
        this.keycloak = keycloak;
        this.keycloakBase = keycloakBase;
    }

    /**
     * Listens on {@code publicPort} with {@code serverTls} and forwards to Keycloak's HTTPS listener on
     * {@code 127.0.0.1:keycloakPort}, reached with {@code keycloakTls}.
     */
    static TlsFront start(int publicPort, SSLContext serverTls, int keycloakPort, SSLContext keycloakTls)
            throws IOException {
        // Keycloak builds its URLs from the Host the browser sent; the JDK client lets us set it only when allowed.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        HttpsServer server = HttpsServer.create(new InetSocketAddress(publicPort), 1024);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setWantClientAuth(true);
                ssl.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                parameters.setSSLParameters(ssl);
            }
        });
        ExecutorService workers = Executors.newFixedThreadPool(64, runnable -> {
            Thread thread = new Thread(runnable, "psc-sandbox-front");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        HttpClient keycloak = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
                .sslContext(keycloakTls).build();
        TlsFront front = new TlsFront(server, workers, keycloak, "https://127.0.0.1:" + keycloakPort);
        server.createContext("/", front::forward);
        server.start();
        return front;
    }

    private void forward(HttpExchange exchange) {
        try (exchange) {
            HttpResponse<InputStream> response;
            try {
                response = keycloak.send(request(exchange), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                answer(exchange, 502, "Keycloak does not answer (starting, or stopped): " + e.getMessage());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer(exchange, 503, "the sandbox is stopping");
                return;
            }
            Headers headers = exchange.getResponseHeaders();
            response.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":") && !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.put(name, values);
                }
            });
            int status = response.statusCode();
            long length = response.headers().firstValueAsLong("content-length").orElse(-1);
            boolean noBody = exchange.getRequestMethod().equals("HEAD") || status == 204 || status == 304
                    || length == 0;
            // HttpServer: -1 is no body, 0 is chunked, more is that many bytes.
            exchange.sendResponseHeaders(status, noBody ? -1 : Math.max(length, 0));
            try (InputStream body = response.body(); OutputStream out = exchange.getResponseBody()) {
                if (!noBody) {
                    body.transferTo(out);
                }
            }
        } catch (IOException e) {
            // The browser went away mid-answer; nothing to tell it.
        }
    }

    private HttpRequest request(HttpExchange exchange) throws IOException {
        Headers in = exchange.getRequestHeaders();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloakBase + exchange.getRequestURI()))
                .timeout(Duration.ofMinutes(30));
        in.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        String host = in.getFirst("Host");
        if (host != null) {
            request.header("Host", host);
            request.header("X-Forwarded-Host", host);
        }
        request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        request.header("X-Forwarded-Proto", "https");
        request.header("X-Forwarded-Port", Integer.toString(exchange.getLocalAddress().getPort()));
        String certificate = clientCertificate((HttpsExchange) exchange);
        if (certificate != null) {
            request.header(CERTIFICATE_HEADER, certificate);
        }
        if ("100-continue".equalsIgnoreCase(in.getFirst("Expect"))) {
            request.expectContinue(true);
        }
        String length = in.getFirst("Content-Length");
        boolean chunked = "chunked".equalsIgnoreCase(in.getFirst("Transfer-Encoding"));
        HttpRequest.BodyPublisher body;
        if (chunked) {
            body = HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody);
        } else if (length == null || length.equals("0")) {
            body = HttpRequest.BodyPublishers.noBody();
        } else {
            try {
                body = HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody), Long.parseLong(length));
            } catch (IllegalArgumentException e) {
                throw new IOException("bad Content-Length " + length);
            }
        }
        return request.method(exchange.getRequestMethod(), body).build();
    }

    /** The leaf the browser presented, as URL-encoded PEM; null when it presented none. */
    private static String clientCertificate(HttpsExchange exchange) {
        try {
            Certificate[] chain = exchange.getSSLSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                return null;
            }
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(leaf.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return URLEncoder.encode(pem, StandardCharsets.US_ASCII);
        } catch (SSLPeerUnverifiedException e) {
            return null;
        } catch (CertificateEncodingException e) {
            return null;
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
