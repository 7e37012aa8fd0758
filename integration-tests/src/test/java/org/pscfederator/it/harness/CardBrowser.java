package org.pscfederator.it.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * A browser with a card in its reader (or none): it keeps cookies, presents the card's certificate when the server
 * asks during the TLS handshake, and goes through PSC's login page as a professional does: the "Carte CPS" tab's
 * form ({@code psc-login-form}) for a card, the "Application e-CPS" tab's ({@code psc-ecps-identifier}) for e-CPS.
 */
public final class CardBrowser {

    private static final Pattern FORM_ACTION = Pattern.compile(
            "<form id=\"(psc-login-form|psc-card-retry)\"[^>]*action=\"([^\"]+)\"");

    private final PscEndpoint server;
    private final HttpClient client;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    private CardBrowser(PscEndpoint server, KeyManager[] card) throws IOException {
        this.server = server;
        this.client = HttpClient.newBuilder()
                .sslContext(SandboxServer.withKeys(card, server.caBundle()))
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A browser presenting the card of this PKCS#12 file (password 1234, as the sandbox's). */
    public static CardBrowser withCard(PscEndpoint server, Path p12) throws Exception {
        return new CardBrowser(server, keysOf(p12));
    }

    /** The keys of a card's PKCS#12 file (password 1234, as the sandbox's), to present in a TLS handshake. */
    public static KeyManager[] keysOf(Path p12) throws Exception {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            keystore.load(in, "1234".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keystore, "1234".toCharArray());
        return factory.getKeyManagers();
    }

    public static CardBrowser withoutCard(PscEndpoint server) throws IOException {
        return new CardBrowser(server, null);
    }

    /** True if the browser holds a cookie of that name (KEYCLOAK_IDENTITY: a login session). */
    public boolean hasCookie(String name) {
        return cookies.getCookieStore().getCookies().stream().anyMatch(cookie -> cookie.getName().equals(name)
                && !cookie.getValue().isEmpty() && !cookie.hasExpired());
    }

    /** Sends this header with every request (a client trying to pass for the TLS front, say). */
    public CardBrowser withHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    /** Stops sending a header set with {@link #withHeader}. */
    public CardBrowser withoutHeader(String name) {
        extraHeaders.remove(name);
        return this;
    }

    /** An authorization request as PSC's relying services send it, with fresh state, nonce and PKCE. */
    public record Request(String clientId, String redirectUri, String scope, String state, String nonce,
            String verifier) {

        public static Request of(String clientId, String redirectUri) {
            return new Request(clientId, redirectUri, "openid scope_all", random(), random(), random() + random());
        }

        String challenge() {
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String random() {
            byte[] bytes = new byte[16];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }

    /**
     * Where the login ended: a redirect to the relying service, or a page (the login page, a refusal), with the
     * Content-Security-Policy it was sent with (null when none).
     */
    public record Outcome(int status, String location, String page, String contentSecurityPolicy) {

        public boolean redirected() {
            return status == 302 || status == 303;
        }

        public Map<String, String> redirectParameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (location == null || !location.contains("?")) {
                return parameters;
            }
            for (String pair : location.substring(location.indexOf('?') + 1).split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return parameters;
        }
    }

    /** The relying service's code exchange (client secret, PKCE verifier of the request); the token answer. */
    public static HttpResponse<String> exchange(PscEndpoint server, String code, Request request, String secret)
            throws IOException, InterruptedException {
        String form = "grant_type=authorization_code&code=" + encode(code)
                + "&redirect_uri=" + encode(request.redirectUri()) + "&code_verifier=" + request.verifier()
                + "&client_id=" + encode(request.clientId()) + "&client_secret=" + encode(secret);
        return server.send(HttpRequest.newBuilder(URI.create(server.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Opens the authorization URL; the answer is PSC's login page. */
    public Outcome open(Request request) throws IOException, InterruptedException {
        return open(request, "&acr_values=eidas1");
    }

    /** Opens the authorization URL with these parameters instead of {@code &acr_values=eidas1} (urlencoded). */
    public Outcome open(Request request, String levelParameters) throws IOException, InterruptedException {
        String url = server.realmUrl() + "/protocol/openid-connect/auth?response_type=code"
                + "&client_id=" + encode(request.clientId()) + "&redirect_uri=" + encode(request.redirectUri())
                + "&scope=" + encode(request.scope()) + "&state=" + encode(request.state())
                + "&nonce=" + encode(request.nonce()) + levelParameters
                + "&code_challenge=" + request.challenge() + "&code_challenge_method=S256";
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /**
     * Opens an authorization (or logout) URL a relying service built, say with a third-party OIDC library. The
     * front's redirect of PSC's authorization URL {@code /auth?...} to the realm's endpoint is followed, as a browser
     * follows it; a redirect anywhere else (to the relying service) is the outcome.
     */
    public Outcome open(URI url) throws IOException, InterruptedException {
        Outcome outcome = send(HttpRequest.newBuilder(url).GET());
        if ((outcome.status() == 303 || outcome.status() == 307) && outcome.location() != null
                && outcome.location().startsWith("/auth/realms/")) {
            return send(HttpRequest.newBuilder(url.resolve(outcome.location())).GET());
        }
        return outcome;
    }

    /** Clicks a button of the page shown ("Carte CPS" is {@code card}, "Application e-CPS" is {@code ecps}). */
    public Outcome choose(Outcome page, String method) throws IOException, InterruptedException {
        Matcher form = FORM_ACTION.matcher(page.page());
        if (!form.find()) {
            throw new AssertionError("no PSC login form on the page (HTTP " + page.status() + ")");
        }
        String action = form.group(2).replace("&amp;", "&");
        return send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("method=" + encode(method))));
    }

    /** Submits the form of this id on the page shown, with this urlencoded body. */
    public Outcome submit(Outcome page, String formId, String body) throws IOException, InterruptedException {
        Matcher form = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"")
                .matcher(page.page());
        if (!form.find()) {
            throw new AssertionError("no form " + formId + " on the page (HTTP " + page.status() + "):\n"
                    + page.page());
        }
        return send(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The whole card login: open the authorization URL, click "Carte CPS". */
    public Outcome loginWithCard(Request request) throws IOException, InterruptedException {
        Outcome loginPage = open(request);
        if (loginPage.status() != 200) {
            throw new AssertionError("the authorization request answered HTTP " + loginPage.status() + ": "
                    + loginPage.page());
        }
        return choose(loginPage, "card");
    }

    /** Follows a link or a redirect (a relying service's login link, say) as the browser does; cookies go along. */
    public Outcome get(String url) throws IOException, InterruptedException {
        return open(URI.create(url));
    }

    /** Submits a form of a page to its action URL with this urlencoded body (PSC's logout confirmation, say). */
    public Outcome postForm(String action, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Submits a form that has only a button (a relying service's logout, say). */
    public Outcome post(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private Outcome send(HttpRequest.Builder request) throws IOException, InterruptedException {
        extraHeaders.forEach(request::header);
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Outcome(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                response.body(), response.headers().firstValue("Content-Security-Policy").orElse(null));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
