package org.pscfederator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The baseline: Keycloak's own username/password form, then the authorization code exchanged for tokens by a
 * confidential client with PKCE, as a browser and a relying party would do it. Nothing else (no logout, no
 * userinfo) so the figure is the cost of a login.
 */
final class PasswordLoginFlow implements Flow {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FlowContext context;
    private final BenchOptions options;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();
    private final String basicAuth;

    PasswordLoginFlow(FlowContext context) {
        this.context = context;
        this.options = context.options();
        this.http = context.newHttpClient();
        // RFC 6749 2.3.1: id and secret are form-encoded before Base64.
        String pair = form(options.clientId()) + ":" + form(options.clientSecret());
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void run() throws Exception {
        CookieJar cookies = new CookieJar();
        String state = Pkce.randomToken(random);
        String verifier = Pkce.randomToken(random);
        String redirect = options.redirectUri().toString();

        // 1. The authorization request shows the login form.
        URI authorize = URI.create(options.oidcEndpoint("auth") + "?" + formBody(Map.of(
                "response_type", "code",
                "client_id", options.clientId(),
                "redirect_uri", redirect,
                "scope", "openid",
                "state", state,
                "nonce", Pkce.randomToken(random),
                "code_challenge", Pkce.s256(verifier),
                "code_challenge_method", "S256")));
        HttpResponse<String> page = send(HttpRequest.newBuilder(authorize).GET()
                .header("Accept", "text/html"), cookies);
        if (page.statusCode() != 200) {
            throw new FlowFailure("login page: HTTP " + page.statusCode() + said(page));
        }
        URI action = LoginForm.action(page.body(), authorize);
        if (action == null) {
            throw new FlowFailure("login page has no kc-form-login form" + said(page));
        }
        if (!options.allowRemote() && !Loopback.isLoopbackHost(action.getHost())) {
            throw new FlowFailure("login form posts to non-loopback host " + action.getHost()
                    + " (check Keycloak's hostname setting, or use --allow-remote)");
        }

        // 2. The credentials; success is a redirect to the client, anything else is the form again.
        HttpResponse<String> login = send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(Map.of(
                        "username", options.user(),
                        "password", options.password(),
                        "credentialId", "")))), cookies);
        if (login.statusCode() != 302 && login.statusCode() != 303) {
            throw new FlowFailure("login POST: HTTP " + login.statusCode() + " instead of a redirect" + said(login));
        }
        String location = login.headers().firstValue("location").orElse("");
        if (!isCallback(location, redirect)) {
            // Only the path: the query may carry a code.
            throw new FlowFailure("login POST redirected to " + withoutQuery(location) + ", not to " + redirect);
        }
        Map<String, String> callback = query(location);
        if (callback.containsKey("error")) {
            throw new FlowFailure("authorization error " + callback.get("error")
                    + Optional.ofNullable(callback.get("error_description")).map(d -> ": " + d).orElse(""));
        }
        if (!state.equals(callback.get("state"))) {
            throw new FlowFailure("callback state does not match the request's");
        }
        String code = callback.get("code");
        if (code == null || code.isEmpty()) {
            throw new FlowFailure("callback has no code");
        }

        // 3. The relying party's back-channel exchange.
        HttpResponse<String> token = context.send(http, HttpRequest.newBuilder(options.oidcEndpoint("token"))
                .header("Authorization", basicAuth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", redirect,
                        "code_verifier", verifier)))));
        JsonNode body = parseJson(token);
        if (token.statusCode() != 200) {
            // The error fields only: never echo a body that might hold tokens.
            throw new FlowFailure("token endpoint: HTTP " + token.statusCode()
                    + (body.hasNonNull("error") ? " " + body.get("error").asText() : "")
                    + (body.hasNonNull("error_description") ? ": " + body.get("error_description").asText() : ""));
        }
        for (String field : new String[] {"access_token", "id_token"}) {
            if (!body.hasNonNull(field) || body.get(field).asText().isEmpty()) {
                throw new FlowFailure("token response has no " + field);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, CookieJar cookies)
            throws IOException, InterruptedException, FlowFailure {
        String cookie = cookies.header();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = context.send(http, request);
        cookies.absorb(response.headers());
        return response;
    }

    private static JsonNode parseJson(HttpResponse<String> response) throws FlowFailure {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new FlowFailure("token endpoint: HTTP " + response.statusCode() + " with a body that is not JSON");
        }
    }

    /** " (Keycloak says: ...)" from an HTML page, so a wrong password or bad client shows as such. */
    private static String said(HttpResponse<String> response) {
        String type = response.headers().firstValue("content-type").orElse("");
        String feedback = type.contains("html") ? LoginForm.feedback(response.body()) : null;
        return feedback == null ? "" : " (Keycloak says: " + feedback + ")";
    }

    static boolean isCallback(String location, String redirect) {
        if (!location.startsWith(redirect)) {
            return false;
        }
        if (location.length() == redirect.length()) {
            return true;
        }
        char next = location.charAt(redirect.length());
        return next == '?' || next == '#';
    }

    private static String withoutQuery(String location) {
        int cut = location.indexOf('?');
        return location.isEmpty() ? "(no Location)" : cut < 0 ? location : location.substring(0, cut);
    }

    /** The query (or, for fragment responses, the fragment) parameters of a redirect. */
    static Map<String, String> query(String location) {
        int start = location.indexOf('?');
        if (start < 0) {
            start = location.indexOf('#');
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (start < 0) {
            return params;
        }
        String query = location.substring(start + 1);
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    static String formBody(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(form(name)).append('=').append(form(value));
        });
        return body.toString();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
