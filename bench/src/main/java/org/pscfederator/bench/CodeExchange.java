package org.pscfederator.bench;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The relying party's half of a login, the same whatever the login was: the redirect back with state and code, then
 * the code exchanged for tokens at the token endpoint by a confidential client with PKCE, and the refresh. The client
 * authenticates with its secret (client_secret_basic) or with its ORG certificate (RFC 8705 tls_client_auth: the
 * HTTP client presents the certificate, the form names the client).
 */
final class CodeExchange {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FlowContext context;
    private final HttpClient http;
    private final String basicAuth;
    private final String clientId;

    CodeExchange(FlowContext context, HttpClient http, String clientId, String clientSecret) {
        this.context = context;
        this.http = http;
        this.clientId = clientId;
        // RFC 6749 2.3.1: id and secret are form-encoded before Base64.
        String pair = form(clientId) + ":" + form(clientSecret);
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private CodeExchange(FlowContext context, HttpClient httpWithCertificate, String clientId) {
        this.context = context;
        this.http = httpWithCertificate;
        this.clientId = clientId;
        this.basicAuth = null;
    }

    /** tls_client_auth: {@code httpWithCertificate} presents the relying service's certificate in the handshake. */
    static CodeExchange withCertificate(FlowContext context, HttpClient httpWithCertificate, String clientId) {
        return new CodeExchange(context, httpWithCertificate, clientId);
    }

    /** The code of a redirect to {@code redirect} that carries the request's state; a FlowFailure otherwise. */
    static String codeFrom(String location, String redirect, String state) throws FlowFailure {
        if (!isCallback(location, redirect)) {
            // Only the path: the query may carry a code.
            throw new FlowFailure("login redirected to " + withoutQuery(location) + ", not to " + redirect);
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
        return code;
    }

    /**
     * Exchanges the code; the answer must be 200 with an access token and an ID token.
     *
     * @return the refresh token, or null when the client gets none
     */
    String exchange(String code, String redirect, String verifier)
            throws IOException, InterruptedException, FlowFailure {
        JsonNode body = postToken(Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", redirect,
                "code_verifier", verifier), "access_token", "id_token");
        return body.hasNonNull("refresh_token") ? body.get("refresh_token").asText() : null;
    }

    /** Refreshes; the answer must be 200 with an access token and a refresh token, which is returned. */
    String refresh(String refreshToken) throws IOException, InterruptedException, FlowFailure {
        return postToken(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                "access_token", "refresh_token").get("refresh_token").asText();
    }

    private JsonNode postToken(Map<String, String> grant, String... required)
            throws IOException, InterruptedException, FlowFailure {
        Map<String, String> fields = new LinkedHashMap<>(grant);
        HttpRequest.Builder request = HttpRequest.newBuilder(context.options().oidcEndpoint("token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (basicAuth != null) {
            request.header("Authorization", basicAuth);
        } else {
            fields.put("client_id", clientId);
        }
        HttpResponse<String> token = context.send(http, request.POST(HttpRequest.BodyPublishers.ofString(
                PasswordLoginFlow.formBody(fields))));
        JsonNode body = parseJson(token);
        if (token.statusCode() != 200) {
            // The error fields only: never echo a body that might hold tokens.
            throw new FlowFailure("token endpoint: HTTP " + token.statusCode()
                    + (body.hasNonNull("error") ? " " + body.get("error").asText() : "")
                    + (body.hasNonNull("error_description") ? ": " + body.get("error_description").asText() : ""));
        }
        for (String field : required) {
            if (!body.hasNonNull(field) || body.get(field).asText().isEmpty()) {
                throw new FlowFailure("token response has no " + field);
            }
        }
        return body;
    }

    private static JsonNode parseJson(HttpResponse<String> response) throws FlowFailure {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new FlowFailure("token endpoint: HTTP " + response.statusCode() + " with a body that is not JSON");
        }
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

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
