package org.pscfederator.it.harness;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The federator as the tests reach it over HTTPS, trusting the sandbox CA bundle only: one sandbox behind its TLS
 * front ({@link SandboxServer}), or a cluster behind HAProxy ({@link ClusterServer}).
 */
public interface PscEndpoint {

    /** The public base URL, {@code https://localhost:PORT/auth}. */
    String baseUrl();

    /** The data folder the launcher made: its PKI, the simulated devices. */
    Path dataDir();

    /** An HTTPS client that trusts the sandbox CA bundle and nothing else. */
    HttpClient http() throws IOException;

    default String realmUrl() {
        return baseUrl() + "/realms/" + SandboxServer.REALM;
    }

    default Path caBundle() {
        return dataDir().resolve("pki").resolve("ca").resolve("ca-bundle.pem");
    }

    default HttpResponse<String> get(String url, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    default JsonNode getJson(String url) throws IOException, InterruptedException {
        return getJson(url, null);
    }

    default JsonNode getJson(String url, String bearer) throws IOException, InterruptedException {
        HttpResponse<String> response = get(url, bearer);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return new ObjectMapper().readTree(response.body());
    }

    default HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** An access token of the master realm's admin, for Keycloak's admin REST API. */
    default String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(SandboxServer.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("admin login failed: " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }
}
