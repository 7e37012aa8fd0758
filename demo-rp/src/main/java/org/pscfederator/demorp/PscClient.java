package org.pscfederator.demorp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo's back-channel calls to PSC: discovery, JWKS, code exchange, userinfo. All over one HTTP client whose TLS
 * presents the ORG certificate, so PSC sees the same certificate at the token endpoint (client authentication) and at
 * userinfo (proof of possession of the certificate-bound access token, RFC 8705 section 3).
 */
final class PscClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** The tokens of a code exchange (never logged, never shown). */
    record Tokens(String idToken, String accessToken) {
    }

    /** PSC refused a request: the OAuth error code (RFC 6749 section 5.2), shown to the user, and the HTTP status. */
    static final class RefusedException extends IOException {
        private final String error;

        RefusedException(String error, int status) {
            super("PSC answered HTTP " + status + " " + error);
            this.error = error;
        }

        String error() {
            return error;
        }
    }

    private final HttpClient http;
    private final String clientId;
    private final String clientSecret;

    PscClient(SSLContext tls, String clientId, String clientSecret) {
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    PscEndpoints discover(String realmUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = get(URI.create(realmUrl + PscEndpoints.DISCOVERY_PATH), null);
        if (response.statusCode() != 200) {
            throw new IOException("discovery at " + realmUrl + PscEndpoints.DISCOVERY_PATH + " answered HTTP "
                    + response.statusCode());
        }
        return PscEndpoints.from(JSON.readTree(response.body()), realmUrl);
    }

    String jwks(PscEndpoints endpoints) throws IOException, InterruptedException {
        HttpResponse<String> response = get(endpoints.jwks(), null);
        if (response.statusCode() != 200) {
            throw new IOException("the JWKS answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    /**
     * The code exchange (RFC 6749 section 4.1.3 with the PKCE verifier). With the certificate ({@code tls_client_auth},
     * RFC 8705 section 2.1.1) the body names the client and the TLS handshake proves who it is: no secret anywhere.
     * With a sandbox secret, {@code client_secret_basic}.
     */
    Tokens exchange(PscEndpoints endpoints, String code, String redirectUri, String codeVerifier)
            throws IOException, InterruptedException {
        String form = "grant_type=authorization_code&code=" + LoginAttempt.encode(code)
                + "&redirect_uri=" + LoginAttempt.encode(redirectUri)
                + "&code_verifier=" + LoginAttempt.encode(codeVerifier);
        HttpRequest.Builder request;
        if (clientSecret == null) {
            request = HttpRequest.newBuilder(endpoints.mtlsToken());
            form += "&client_id=" + LoginAttempt.encode(clientId);
        } else {
            request = HttpRequest.newBuilder(endpoints.token()).header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((LoginAttempt.encode(clientId) + ":"
                            + LoginAttempt.encode(clientSecret)).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            throw new RefusedException(body.path("error").asText("server_error"), response.statusCode());
        }
        String idToken = body.path("id_token").asText(null);
        String accessToken = body.path("access_token").asText(null);
        if (idToken == null || accessToken == null) {
            throw new IOException("the token response lacks an ID token or an access token");
        }
        return new Tokens(idToken, accessToken);
    }

    /** Userinfo, which PSC signs ({@code application/jwt}): the signed JWT, to verify before reading it. */
    String userinfo(PscEndpoints endpoints, String accessToken) throws IOException, InterruptedException {
        URI uri = clientSecret == null ? endpoints.mtlsUserinfo() : endpoints.userinfo();
        HttpResponse<String> response = get(uri, accessToken);
        if (response.statusCode() != 200) {
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            java.util.regex.Matcher error = java.util.regex.Pattern.compile("error=\"([a-z_]+)\"").matcher(challenge);
            throw new RefusedException(error.find() ? error.group(1) : "userinfo_refused", response.statusCode());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/jwt")) {
            throw new IOException("userinfo is not signed (Content-Type " + type + "); PSC signs it");
        }
        return response.body().strip();
    }

    private HttpResponse<String> get(URI uri, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
