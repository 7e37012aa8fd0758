package org.pscfederator.it.clientauth;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.pscfederator.it.harness.SandboxServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an operator does through Keycloak's admin API when a relying service joins: register it with
 * {@code psc-org-mtls} and its certificate bindings; and what an auditor reads: the realm's events.
 */
final class Onboarding {

    static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxServer server;
    private final String realm;

    Onboarding(SandboxServer server, String realm) {
        this.server = server;
        this.realm = realm;
    }

    /** A psc-org-mtls relying service with a redirect URI; bound tokens left to the realm's default. */
    static ObjectNode orgClient(String clientId, String redirectUri, String bindings) {
        ObjectNode client = JSON.createObjectNode().put("clientId", clientId).put("enabled", true)
                .put("protocol", "openid-connect").put("publicClient", false)
                .put("clientAuthenticatorType", "psc-org-mtls").put("standardFlowEnabled", true)
                .put("implicitFlowEnabled", false).put("directAccessGrantsEnabled", false);
        client.putArray("redirectUris").add(redirectUri);
        ObjectNode attributes = client.putObject("attributes");
        attributes.put("pkce.code.challenge.method", "S256").put("post.logout.redirect.uris", redirectUri)
                .put("oidc.ciba.grant.enabled", "true");
        if (bindings != null) {
            attributes.put("psc.org.cert.bindings", bindings);
        }
        return client;
    }

    /** @return the HTTP status of the admin API's answer (201 when registered) */
    HttpResponse<String> register(ObjectNode client) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(adminUrl() + "/clients"))
                .header("Authorization", "Bearer " + server.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.toString())).build());
    }

    void registerOrFail(ObjectNode client) throws Exception {
        HttpResponse<String> response = register(client);
        if (response.statusCode() != 201) {
            throw new AssertionError("registering " + client.get("clientId") + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    JsonNode client(String clientId) throws Exception {
        JsonNode found = clientOrNull(clientId);
        if (found == null) {
            throw new AssertionError("no client " + clientId);
        }
        return found;
    }

    /** The client of that id, or null when the realm has none. */
    JsonNode clientOrNull(String clientId) throws Exception {
        JsonNode found = server.getJson(adminUrl() + "/clients?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8), server.adminToken());
        return found.size() == 1 ? found.get(0) : null;
    }

    /** Events of this type about this client, newest first. */
    List<JsonNode> events(String type, String clientId) throws Exception {
        JsonNode events = server.getJson(adminUrl() + "/events?type=" + type + "&client="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&max=100", server.adminToken());
        List<JsonNode> list = new ArrayList<>();
        events.forEach(list::add);
        return list;
    }

    private String adminUrl() {
        return server.baseUrl() + "/admin/realms/" + realm;
    }

    static String thumbprintBindings(X509Certificate... certificates) throws Exception {
        ArrayNode array = JSON.createArrayNode();
        for (X509Certificate certificate : certificates) {
            array.addObject().put("x5t#S256", thumbprint(certificate));
        }
        return array.toString();
    }

    static String subjectBindings(X509Certificate certificate) {
        ArrayNode array = JSON.createArrayNode();
        array.addObject().put("subject", certificate.getSubjectX500Principal().getName())
                .put("issuer", certificate.getIssuerX500Principal().getName());
        return array.toString();
    }

    static String thumbprint(X509Certificate certificate) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }
}
