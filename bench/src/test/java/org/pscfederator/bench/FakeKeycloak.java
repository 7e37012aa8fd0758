package org.pscfederator.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * Just enough of Keycloak's authorization code flow over plain HTTP on an ephemeral loopback port to run the
 * password flow without a server: it checks what the real one checks (cookie, state, PKCE, client secret).
 */
final class FakeKeycloak implements AutoCloseable {
    static final String REALM = "esante-wallet";

    private record Pending(String state, String challenge, String redirect) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Pending> sessions = new ConcurrentHashMap<>();
    private final Map<String, Pending> codes = new ConcurrentHashMap<>();
    private final String base;

    FakeKeycloak() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        String oidc = "/auth/realms/" + REALM + "/protocol/openid-connect/";
        server.createContext(oidc + "auth", this::authorize);
        server.createContext("/auth/realms/" + REALM + "/login-actions/authenticate", this::authenticate);
        server.createContext(oidc + "token", this::token);
        server.setExecutor(executor);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/auth";
    }

    String baseUrl() {
        return base;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = params(exchange.getRequestURI().getRawQuery());
        if (!"S256".equals(q.get("code_challenge_method")) || !"psc-bench".equals(q.get("client_id"))) {
            reply(exchange, 400, "text/html", "<title>Invalid request</title>");
            return;
        }
        String session = UUID.randomUUID().toString();
        sessions.put(session, new Pending(q.get("state"), q.get("code_challenge"), q.get("redirect_uri")));
        exchange.getResponseHeaders().add("Set-Cookie", "AUTH_SESSION_ID=" + session + "; Path=/auth/realms/" + REALM + "/");
        reply(exchange, 200, "text/html;charset=utf-8", "<html><form id=\"kc-form-login\" action=\"" + base
                + "/realms/" + REALM + "/login-actions/authenticate?session_code=x&amp;execution=e1\" method=\"post\">");
    }

    private void authenticate(HttpExchange exchange) throws IOException {
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        Pending pending = cookie == null ? null : sessions.remove(cookie.replace("AUTH_SESSION_ID=", ""));
        Map<String, String> form = params(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        boolean unescaped = "e1".equals(params(exchange.getRequestURI().getRawQuery()).get("execution"));
        if (pending == null || !unescaped || !"Bench-Password-1234".equals(form.get("password"))) {
            reply(exchange, 200, "text/html", "<span id=\"input-error\">Invalid username or password.</span>");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, pending);
        exchange.getResponseHeaders().add("Location", pending.redirect() + "?state=" + pending.state() + "&code=" + code);
        reply(exchange, 302, "text/plain", "");
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = params(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expectedAuth = "Basic " + Base64.getEncoder().encodeToString(
                "psc-bench:psc-bench-sandbox-secret".getBytes(StandardCharsets.UTF_8));
        if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "application/json", "{\"error\":\"unauthorized_client\"}");
            return;
        }
        Pending pending = codes.remove(form.getOrDefault("code", ""));
        if (pending == null || !pending.challenge().equals(Pkce.s256(form.getOrDefault("code_verifier", "")))) {
            reply(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        reply(exchange, 200, "application/json", "{\"access_token\":\"a\",\"id_token\":\"i\",\"token_type\":\"Bearer\"}");
    }

    private static Map<String, String> params(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
