package org.pscfederator.demorp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The demo's four pages: {@code /} (home, or the professional once logged in), {@code /login} (off to PSC),
 * {@code /callback} (back from PSC with a code), {@code /logout} (PSC's logout); and {@code /backchannel-logout}, where
 * PSC posts a logout token when the professional's PSC session ends. HTTPS only, on the loopback interface.
 */
final class DemoServer {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** A logout token is a few kilobytes; a larger body is not one. */
    private static final int MAX_LOGOUT_BODY = 64 * 1024;

    private final DemoOptions options;
    private final PscEndpoints endpoints;
    private final PscClient psc;
    private final TokenVerifier verifier;
    private final Sessions sessions = new Sessions();
    private final SeenLogoutTokens seenLogoutTokens = new SeenLogoutTokens();
    private HttpsServer server;
    private ExecutorService executor;

    DemoServer(DemoOptions options, PscEndpoints endpoints, PscClient psc, TokenVerifier verifier) {
        this.options = options;
        this.endpoints = endpoints;
        this.psc = psc;
        this.verifier = verifier;
    }

    void start(SSLContext tls) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> handle(exchange, this::route));
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.start();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private interface Route {
        void handle(HttpExchange exchange) throws Exception;
    }

    private void route(HttpExchange exchange) throws Exception {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/") && method.equals("GET")) {
            home(exchange);
        } else if (path.equals("/login") && method.equals("GET")) {
            login(exchange);
        } else if (path.equals("/callback") && method.equals("GET")) {
            callback(exchange);
        } else if (path.equals("/logout") && method.equals("POST")) {
            logout(exchange);
        } else if (path.equals(DemoOptions.BACKCHANNEL_LOGOUT_PATH) && method.equals("POST")) {
            backchannelLogout(exchange);
        } else {
            send(exchange, 404, Pages.error("Page introuvable.", null));
        }
    }

    private void home(HttpExchange exchange) throws IOException {
        Sessions.Session session = sessions.find(exchange.getRequestHeaders().getFirst("Cookie"));
        if (session != null && session.professional != null) {
            send(exchange, 200, Pages.professional(session.professional, session.claimsJson));
        } else {
            send(exchange, 200, Pages.home(session != null && session.loggedOut));
        }
    }

    /** Step 1: a fresh state, nonce and PKCE verifier, kept in a new session; the browser goes to PSC. */
    private void login(HttpExchange exchange) throws IOException {
        Sessions.Session session = new Sessions.Session();
        session.pending = LoginAttempt.start();
        exchange.getResponseHeaders().add("Set-Cookie", Sessions.setCookie(sessions.create(session)));
        redirect(exchange, session.pending.authorizationUrl(endpoints, options.clientId(), options.redirectUri()));
    }

    /**
     * Step 2: PSC sends the browser back. Check the state first (this browser started this login), then exchange the
     * code with the certificate, verify the ID token (signature, issuer, audience, nonce, acr), read the signed
     * userinfo and verify it the same way.
     */
    private void callback(HttpExchange exchange) throws Exception {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Sessions.Session session = sessions.find(exchange.getRequestHeaders().getFirst("Cookie"));
        LoginAttempt attempt = session == null ? null : session.pending;
        if (attempt == null) {
            send(exchange, 400, Pages.error("Aucune connexion en cours dans ce navigateur (session expirée ?).", null));
            return;
        }
        session.pending = null; // one answer per login attempt
        if (!equal(attempt.state(), query.get("state"))) {
            log("refused a callback whose state is not this browser's");
            send(exchange, 400, Pages.error("Réponse refusée : elle ne correspond pas à la connexion demandée "
                    + "(state).", "invalid_state"));
            return;
        }
        if (query.containsKey("error")) {
            send(exchange, 403, Pages.error("Pro Santé Connect n'a pas connecté le professionnel.", query.get("error")));
            return;
        }
        String code = query.get("code");
        if (code == null) {
            send(exchange, 400, Pages.error("Réponse de Pro Santé Connect sans code.", "invalid_request"));
            return;
        }
        try {
            PscClient.Tokens tokens = psc.exchange(endpoints, code, options.redirectUri(), attempt.codeVerifier());
            JWTClaimsSet idToken = verifier.verifyIdToken(tokens.idToken(), attempt.nonce());
            JWTClaimsSet userinfo = verifier.verifyUserInfo(psc.userinfo(endpoints, tokens.accessToken()),
                    idToken.getSubject());
            JsonNode claims = JSON.valueToTree(userinfo.toJSONObject());
            session.professional = Professional.from(claims);
            session.claimsJson = JSON.writeValueAsString(claims);
            session.idToken = tokens.idToken();
            session.pscSessionId = idToken.getStringClaim("sid");
            session.subject = idToken.getSubject();
            log("a professional logged in (acr " + idToken.getClaim("acr") + ")");
            redirect(exchange, "/");
        } catch (PscClient.RefusedException e) {
            log("PSC refused: " + e.getMessage());
            send(exchange, 502, Pages.error("Pro Santé Connect a refusé la demande du service.", e.error()));
        } catch (IOException e) {
            log("login refused: " + e.getMessage());
            send(exchange, 502, Pages.error("La réponse de Pro Santé Connect n'a pas pu être vérifiée.",
                    "invalid_response"));
        }
    }

    /** Step 3: logout at PSC too, with the ID token as hint and a registered post-logout redirect URI. */
    private void logout(HttpExchange exchange) throws IOException {
        Sessions.Session session = sessions.find(exchange.getRequestHeaders().getFirst("Cookie"));
        if (session == null || session.idToken == null) {
            redirect(exchange, "/");
            return;
        }
        String hint = session.idToken;
        session.end();
        redirect(exchange, endpoints.endSession() + "?id_token_hint=" + LoginAttempt.encode(hint)
                + "&post_logout_redirect_uri=" + LoginAttempt.encode(options.postLogoutRedirectUri())
                + "&client_id=" + LoginAttempt.encode(options.clientId()));
    }

    /**
     * PSC's back-channel logout (OpenID Connect Back-Channel Logout 1.0 section 2.5): a form post with a
     * {@code logout_token}, verified before anything ends ({@link TokenVerifier#verifyLogoutToken}), used once; then
     * the demo's sessions it names end and the answer is 200. Anything else is 400 with a JSON error, and ends nothing.
     */
    private void backchannelLogout(HttpExchange exchange) throws IOException, InterruptedException {
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            sendJson(exchange, 400, "invalid_request", "a form post (application/x-www-form-urlencoded) is expected");
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_LOGOUT_BODY + 1);
        String logoutToken = body.length > MAX_LOGOUT_BODY ? null
                : query(new String(body, StandardCharsets.UTF_8)).get("logout_token");
        if (logoutToken == null || logoutToken.isEmpty()) {
            sendJson(exchange, 400, "invalid_request", "logout_token is missing");
            return;
        }
        TokenVerifier.LogoutToken verified;
        try {
            verified = verifier.verifyLogoutToken(logoutToken);
        } catch (IOException e) {
            log("refused a logout token: " + e.getMessage());
            sendJson(exchange, 400, "invalid_request", "logout token refused: " + e.getMessage());
            return;
        }
        if (!seenLogoutTokens.firstUse(verified.jti(), verified.issuedAt())) {
            log("refused a logout token already used (replay)");
            sendJson(exchange, 400, "invalid_request", "logout token refused: already used");
            return;
        }
        int ended = sessions.endNamedBy(verified.sessionId(), verified.subject());
        log("back-channel logout from PSC: " + ended + " session(s) ended");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, -1);
    }

    private void handle(HttpExchange exchange, Route route) {
        try (exchange) {
            route.handle(exchange);
        } catch (Exception e) {
            log("request failed: " + e);
            try {
                send(exchange, 500, Pages.error("Erreur du service de démonstration.", null));
            } catch (IOException | RuntimeException ignored) {
                // the answer had already started
            }
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    /** An error as the specification has it (section 2.8): JSON with error and error_description. */
    private static void sendJson(HttpExchange exchange, int status, String error, String description)
            throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("error", error, "error_description", description));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                + "form-action 'self' " + "https:");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static boolean equal(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static void log(String line) {
        System.err.println("psc-demo-rp: " + line);
    }
}
