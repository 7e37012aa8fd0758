package org.pscfederator.admin;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.pscfederator.keycloak.certificates.PemTrust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The few calls of Keycloak's admin REST API the tool needs, as an administrator of the master realm. Every failure
 * becomes one line for the operator; the admin token never leaves this class.
 */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AdminOptions options;
    private final HttpClient http;
    private String token;

    KeycloakAdmin(AdminOptions options) throws AdminException {
        this.options = options;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER);
        if (options.cacert() != null) {
            builder.sslContext(trusting(options.cacert()));
        }
        this.http = builder.build();
    }

    void login(char[] password) throws AdminException {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(options.adminUser(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(new String(password), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(options.server() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() == 404) {
            throw new AdminException("no Keycloak at " + options.server() + " (HTTP 404 for the master realm): check "
                    + "--server, with its path prefix (/auth)");
        }
        if (response.statusCode() != 200) {
            // Keycloak answers a wrong password with 400 or 401 and the OAuth error invalid_grant.
            String error = parse(response.body()).path("error").asText("HTTP " + response.statusCode());
            throw new AdminException("the server refused the admin login of " + options.adminUser()
                    + " (realm master: " + error + "): check PSC_ADMIN_PASSWORD");
        }
        token = parse(response.body()).path("access_token").asText(null);
        if (token == null) {
            throw new AdminException("the server's login answer holds no access token");
        }
    }

    /** The realm's attributes (its trust configuration among them). */
    JsonNode realmAttributes() throws AdminException {
        HttpResponse<String> response = get("");
        if (response.statusCode() == 404) {
            throw new AdminException("no realm " + options.realm() + " on " + options.server());
        }
        return expect(response, 200, "read realm " + options.realm()).path("attributes");
    }

    /** The client's full representation, or empty when the realm has no client with this client id. */
    Optional<ObjectNode> client(String clientId) throws AdminException {
        HttpResponse<String> response = get("/clients?search=false&clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
        JsonNode list = expect(response, 200, "look client " + clientId + " up");
        for (JsonNode client : list) {
            if (clientId.equals(client.path("clientId").asText())) {
                return Optional.of((ObjectNode) client);
            }
        }
        return Optional.empty();
    }

    /** @return the new client's internal id */
    String createClient(ObjectNode representation) throws AdminException {
        String clientId = representation.path("clientId").asText();
        HttpResponse<String> response = send(authorized("/clients")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(representation.toString())));
        if (response.statusCode() == 409) {
            throw new AdminException("a client " + clientId + " already exists in realm " + options.realm()
                    + "; nothing was changed (use client rotate-cert to change its certificate)");
        }
        if (response.statusCode() != 201) {
            throw failure(response, "create client " + clientId);
        }
        String location = response.headers().firstValue("Location").orElse("");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    void updateClient(ObjectNode representation) throws AdminException {
        String id = representation.path("id").asText();
        HttpResponse<String> response = send(authorized("/clients/" + id)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(representation.toString())));
        if (response.statusCode() != 204 && response.statusCode() != 200) {
            throw failure(response, "update client " + representation.path("clientId").asText());
        }
    }

    /** Makes a realm client scope optional for the client (PSC's {@code scope_all}), when it is not already. */
    void ensureOptionalScope(String id, String scopeName) throws AdminException {
        for (JsonNode scope : expect(get("/clients/" + id + "/optional-client-scopes"), 200, "read client scopes")) {
            if (scopeName.equals(scope.path("name").asText())) {
                return;
            }
        }
        String scopeId = null;
        for (JsonNode scope : expect(get("/client-scopes"), 200, "read client scopes")) {
            if (scopeName.equals(scope.path("name").asText())) {
                scopeId = scope.path("id").asText();
            }
        }
        if (scopeId == null) {
            throw new AdminException("realm " + options.realm() + " has no client scope " + scopeName);
        }
        HttpResponse<String> response = send(authorized("/clients/" + id + "/optional-client-scopes/" + scopeId)
                .PUT(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 204) {
            throw failure(response, "add scope " + scopeName);
        }
    }

    /** Removes a client, to undo a registration that could not be completed. */
    void deleteClient(String id) throws AdminException {
        send(authorized("/clients/" + id).DELETE());
    }

    private HttpResponse<String> get(String path) throws AdminException {
        return send(authorized(path).GET());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(options.server() + "/admin/realms/" + options.realm() + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws AdminException {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new AdminException("cannot reach " + options.server() + ": is the server running?");
        } catch (HttpTimeoutException e) {
            throw new AdminException(options.server() + " did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (SSLException e) {
            throw new AdminException("TLS with " + options.server() + " failed (" + oneLine(e)
                    + "); give the server's CA certificates with --cacert");
        } catch (IOException e) {
            throw new AdminException("talking to " + options.server() + " failed: " + oneLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException("interrupted");
        }
    }

    private JsonNode expect(HttpResponse<String> response, int status, String what) throws AdminException {
        if (response.statusCode() != status) {
            throw failure(response, what);
        }
        return parse(response.body());
    }

    private AdminException failure(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return new AdminException(options.adminUser() + " may not " + what + " in realm " + options.realm()
                    + " (HTTP " + status + ")");
        }
        JsonNode body = parse(response.body());
        String reason = body.path("errorMessage").asText(body.path("error_description").asText(
                body.path("error").asText("")));
        return new AdminException("could not " + what + ": the server answered HTTP " + status
                + (reason.isEmpty() ? "" : " (" + reason.replaceAll("\\s+", " ") + ")"));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** TLS that trusts exactly the certificates of a PEM bundle (the sandbox CAs), never everything. */
    private static SSLContext trusting(Path pemBundle) throws AdminException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, PemTrust.trustManagers(pemBundle), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new AdminException("--cacert: cannot use " + pemBundle + ": " + oneLine(e));
        }
    }

    static String oneLine(Throwable e) {
        StringBuilder line = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !line.toString().contains(cause.getMessage())) {
                line.append(": ").append(cause.getMessage());
            }
        }
        return line.toString().replaceAll("\\s+", " ");
    }
}
