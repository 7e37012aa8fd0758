package org.pscfederator.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;

/**
 * The sandbox's TLS front, doing what nginx does before a production federator (docs/card-login.md): it terminates
 * TLS on the public port, asks the browser for a client certificate and lets any through the handshake, and forwards
 * each request to Keycloak on the loopback interface with the certificate in the {@code ssl-client-cert} header
 * (URL-encoded PEM, as nginx's {@code $ssl_client_escaped_cert}). Keycloak believes that header only from its
 * trusted proxy address, over a TLS connection where the front presented its own key ({@link FrontIdentity}).
 * Headers of the same names sent by a client are dropped here, and so is the client's Host: Keycloak builds its
 * URLs on the configured public URL.
 */
final class TlsFront implements AutoCloseable {

    static final String CERTIFICATE_HEADER = "ssl-client-cert";
    /** Keycloak's own limit on a request body (quarkus.http.limits.max-body-size, 10 MB by default). */
    static final long MAX_BODY_BYTES = 10L << 20;
    /** More than the e-CPS waits a node holds (spi-psc-ecps-waits--default--max-waits), so none queues here. */
    static final int MAX_CONNECTIONS_TO_KEYCLOAK = 4096;
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "expect",
            "host", CERTIFICATE_HEADER, "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host",
            "x-forwarded-port", "x-forwarded-trusted-proxy", "forwarded");

    private final Vertx vertx;
    private final HttpClient keycloak;
    private final int keycloakPort;
    private final WalletAuthorization walletAuthorization;

    private TlsFront(Vertx vertx, HttpClient keycloak, int keycloakPort, WalletAuthorization walletAuthorization) {
        this.vertx = vertx;
        this.keycloak = keycloak;
        this.keycloakPort = keycloakPort;
        this.walletAuthorization = walletAuthorization;
    }

    /**
     * Listens on {@code publicPort} with the sandbox server key, and forwards to Keycloak's HTTPS listener on
     * {@code 127.0.0.1:keycloakPort}, trusted with {@code keycloakTrust}, presenting {@code frontKey}; answers PSC's
     * authorization path itself ({@link WalletAuthorization}).
     */
    static TlsFront start(int publicPort, KeyManager serverKey, TrustManager anyClientCertificate, int keycloakPort,
            TrustManager keycloakTrust, X509KeyManager frontKey, WalletAuthorization walletAuthorization) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(
                Math.max(2, Runtime.getRuntime().availableProcessors())));
        HttpClient keycloak = vertx.createHttpClient(new HttpClientOptions()
                .setSsl(true)
                .setTrustOptions(TrustOptions.wrap(keycloakTrust))
                .setKeyCertOptions(KeyCertOptions.wrap(frontKey))
                .setVerifyHost(true)
                .setKeepAlive(true)
                // One connection per request in flight, as nginx: each e-CPS wait Keycloak holds keeps one open.
                .setMaxPoolSize(MAX_CONNECTIONS_TO_KEYCLOAK)
                .setConnectTimeout(5_000));
        TlsFront front = new TlsFront(vertx, keycloak, keycloakPort, walletAuthorization);
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setPort(publicPort)
                .setSsl(true)
                .setKeyCertOptions(KeyCertOptions.wrap((X509KeyManager) serverKey))
                .setTrustOptions(TrustOptions.wrap(anyClientCertificate))
                .setClientAuth(ClientAuth.REQUEST)
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"))
                .setHandle100ContinueAutomatically(true)
                .setCompressionSupported(false))
                .requestHandler(front::forward);
        CompletableFuture<HttpServer> listening = server.listen().toCompletionStage().toCompletableFuture();
        try {
            listening.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            front.close();
            throw new SandboxException("cannot listen on port " + publicPort + ": " + e.getCause().getMessage());
        } catch (InterruptedException | TimeoutException e) {
            front.close();
            throw new SandboxException("cannot listen on port " + publicPort + ": " + e);
        }
        return front;
    }

    private void forward(HttpServerRequest request) {
        request.pause();
        if (overBodyLimit(request.getHeader("Content-Length"))) {
            // As nginx's client_max_body_size: refused here, none of it sent on, rather than cut by Keycloak mid-body
            // and answered 502. The body is not read: the connection closes once the answer is out.
            request.response().setStatusCode(413).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .putHeader("Connection", "close").end("request body over the server's limit of "
                            + (MAX_BODY_BYTES >> 20) + " MB")
                    .onComplete(sent -> request.connection().close());
            return;
        }
        Optional<WalletAuthorization.Redirect> wallet = walletAuthorization.redirect(request.method().name(),
                request.path(), request.query());
        if (wallet.isPresent()) {
            request.resume();
            request.response().setStatusCode(wallet.get().status()).putHeader("Location", wallet.get().location())
                    .putHeader("Cache-Control", "no-store").putHeader("Content-Length", "0").end();
            return;
        }
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost("127.0.0.1")
                .setPort(keycloakPort)
                .setURI(request.uri());
        request.headers().forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                options.addHeader(header.getKey(), header.getValue());
            }
        });
        options.addHeader("X-Forwarded-For", request.remoteAddress().hostAddress());
        options.addHeader("X-Forwarded-Proto", "https");
        options.addHeader("X-Forwarded-Port", Integer.toString(request.localAddress().port()));
        String certificate = clientCertificate(request);
        if (certificate != null) {
            options.addHeader(CERTIFICATE_HEADER, certificate);
        }
        keycloak.request(options)
                .compose(toKeycloak -> {
                    // As nginx (proxy_ignore_client_abort off): a client gone before its answer closes the request to
                    // Keycloak, which then drops what it held for it (an e-CPS wait).
                    request.response().closeHandler(gone -> toKeycloak.reset());
                    if (request.headers().contains("Content-Length")) {
                        toKeycloak.putHeader("Content-Length", request.headers().get("Content-Length"));
                    } else if ("chunked".equalsIgnoreCase(request.headers().get("Transfer-Encoding"))) {
                        toKeycloak.setChunked(true);
                    }
                    return toKeycloak.send(request);
                })
                .onSuccess(answer -> relay(answer, request.response()))
                .onFailure(failure -> fail(request.response(), failure));
    }

    private static void relay(HttpClientResponse answer, HttpServerResponse response) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(answer.statusCode());
        answer.headers().forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        if (!answer.headers().contains("Content-Length")) {
            response.setChunked(true);
        }
        answer.pipeTo(response);
    }

    private static void fail(HttpServerResponse response, Throwable failure) {
        if (response.headWritten() || response.ended() || response.closed()) {
            response.reset();
            return;
        }
        response.setStatusCode(502).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("Keycloak does not answer (starting, or stopped): " + failure.getMessage());
    }

    static boolean overBodyLimit(String contentLength) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.strip()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false; // Keycloak refuses a malformed length itself.
        }
    }

    /** The leaf the browser presented, as URL-encoded PEM; null when it presented none. */
    private static String clientCertificate(HttpServerRequest request) {
        try {
            if (!request.isSSL()) {
                return null;
            }
            List<Certificate> chain = request.connection().peerCertificates();
            if (chain == null || chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)) {
                return null;
            }
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(leaf.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return URLEncoder.encode(pem, StandardCharsets.US_ASCII);
        } catch (SSLPeerUnverifiedException | CertificateEncodingException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // stopping anyway
        }
    }
}
