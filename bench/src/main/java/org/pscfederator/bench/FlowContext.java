package org.pscfederator.bench;

import picocli.CommandLine.TypeConversionException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** What a flow needs from the run: the options and the server trust, shared by all workers. */
public final class FlowContext {
    private final BenchOptions options;
    private final TrustManager[] trustManagers;
    private final SSLContext trust;

    /** Reads the trust bundle of {@code options}; a bad bundle is a bad option value ({@link TypeConversionException}). */
    public FlowContext(BenchOptions options) {
        this.options = options;
        this.trustManagers = TrustBundle.trustManagers(options.cacert());
        this.trust = TrustBundle.sslContext(null, trustManagers);
    }

    public BenchOptions options() {
        return options;
    }

    /** Trusts the server's CA only (the --cacert bundle, or the JDK's trust store without one). */
    public SSLContext trust() {
        return trust;
    }

    /** The same trust with a client certificate, for flows that log in with one (CPS card, mTLS). */
    public SSLContext trustWithClientKeys(KeyManager[] keyManagers) {
        return TrustBundle.sslContext(keyManagers, trustManagers.clone());
    }

    /**
     * A client for one worker: HTTP/1.1 like browsers talk to Keycloak, and no automatic redirects because
     * the flows check each hop (and must not follow the final redirect to the callback).
     */
    public HttpClient newHttpClient() {
        return newHttpClient(trust);
    }

    /** The same client settings with another TLS context (see {@link #trustWithClientKeys}). */
    public HttpClient newHttpClient(SSLContext tls) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(requestTimeout())
                .sslContext(tls)
                .build();
    }

    /**
     * Sends with the request timeout and a readable failure: HttpClient reports a refused connection as a
     * ConnectException without a message.
     */
    public HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException, FlowFailure {
        HttpRequest built = request.timeout(requestTimeout()).build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new FlowFailure("no answer from " + hostPort(built.uri()) + " within "
                    + options.requestTimeoutSeconds() + " s");
        } catch (ConnectException e) {
            throw new FlowFailure("cannot connect to " + hostPort(built.uri())
                    + (e.getMessage() == null ? " (is Keycloak running there?)" : ": " + e.getMessage()));
        }
    }

    /** The same, as a browser: sends the cookie jar's cookies and keeps those the answer sets. */
    public HttpResponse<String> send(HttpClient client, HttpRequest.Builder request, CookieJar cookies)
            throws IOException, InterruptedException, FlowFailure {
        String cookie = cookies.header();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = send(client, request);
        cookies.absorb(response.headers());
        return response;
    }

    private static String hostPort(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    public Duration requestTimeout() {
        return Duration.ofSeconds(options.requestTimeoutSeconds());
    }
}
