package org.pscfederator.identity;

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
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.pscfederator.cli.OneLine;
import org.pscfederator.core.certificates.PemTrust;
import org.pscfederator.core.settings.RealmSetting;
import org.pscfederator.core.settings.RealmSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sandbox's admin endpoints the tool calls, as an administrator of the master realm: the realm's settings
 * (Keycloak's admin API) and the directory's {@code professionals} (ours). Every failure to talk is one line; the
 * admin token is never printed.
 */
final class SandboxApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** An answer of the server: its status and JSON body (an empty object when none). */
    record Answer(int status, JsonNode body) {
        String error() {
            return body.path("error").asText("HTTP " + status);
        }

        String reason() {
            return body.path("reason").asText("");
        }
    }

    private final IdentityOptions options;
    private final HttpClient http;
    private final SSLContext tls;
    private final String token;

    private SandboxApi(IdentityOptions options, HttpClient http, SSLContext tls, String token) {
        this.options = options;
        this.http = http;
        this.tls = tls;
        this.token = token;
    }

    /** Logs in to the master realm with the password grant of {@code admin-cli}, as {@code kcadm.sh} does. */
    static SandboxApi login(IdentityOptions options, char[] password) throws IdentityException {
        SSLContext tls = tls(options);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10)).build();
        SandboxApi anonymous = new SandboxApi(options, http, tls, null);
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(options.adminUser(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(new String(password), StandardCharsets.UTF_8);
        Answer answer = anonymous.send(HttpRequest.newBuilder(URI.create(options.server()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.status() == 404) {
            throw new IdentityException("no Keycloak at " + options.server() + " (HTTP 404 for the master realm): "
                    + "check --server, with its path prefix (/auth)");
        }
        String token = answer.body().path("access_token").asText("");
        if (answer.status() != 200 || token.isEmpty()) {
            throw new IdentityException("the server refused the admin login of " + options.adminUser()
                    + " (realm master: " + answer.error() + "): check PSC_ADMIN_PASSWORD");
        }
        return new SandboxApi(options, http, tls, token);
    }

    /** Refuses a realm that is not a sandbox: test identities are never made in production. */
    void requireSandbox() throws IdentityException {
        Answer realm = send(authorized(URI.create(options.server() + "/admin/realms/" + options.realm())).GET());
        if (realm.status() == 404) {
            throw new IdentityException("no realm " + options.realm() + " at " + options.server() + " (--realm)");
        }
        if (realm.status() != 200) {
            throw new IdentityException(options.adminUser() + " may not read realm " + options.realm() + " (HTTP "
                    + realm.status() + ")");
        }
        Map<String, String> attributes = new HashMap<>();
        realm.body().path("attributes").fields().forEachRemaining(field -> attributes.put(field.getKey(),
                field.getValue().asText()));
        boolean sandbox;
        try {
            sandbox = RealmSettings.of(attributes).testIdentitiesAllowed();
        } catch (IllegalStateException e) { // a bad value: fail closed
            sandbox = false;
        }
        if (!sandbox) {
            throw new IdentityException("realm " + options.realm() + " at " + options.server() + " is not a sandbox "
                    + "(realm attribute " + RealmSetting.TEST_IDENTITIES_ALLOWED.attribute() + " is not true): test "
                    + "identities are made in the sandbox only; nothing was changed");
        }
    }

    /** Adds one professional (a national file of its own) beside the directory. */
    Answer add(String nationalFile) throws IdentityException {
        return send(authorized(professionals("?source=psc-identity"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(nationalFile, StandardCharsets.UTF_8)));
    }

    Answer list() throws IdentityException {
        return send(authorized(professionals("")).GET());
    }

    Answer remove(String idNat) throws IdentityException {
        return send(authorized(professionals("/" + URLEncoder.encode(idNat, StandardCharsets.UTF_8))).DELETE());
    }

    /** The realm's device API as the simulated phone speaks to it. */
    org.pscfederator.ecps.simulator.DeviceApiClient devices() {
        return new org.pscfederator.ecps.simulator.DeviceApiClient(options.server().toString(), options.realm(), tls);
    }

    /** The admin token, for the device API's admin calls. */
    String token() {
        return token;
    }

    private URI professionals(String rest) {
        return URI.create(options.server() + "/realms/" + options.realm() + "/psc-directory/professionals" + rest);
    }

    private HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) throws IdentityException {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new IdentityException("cannot reach " + options.server() + ": is the sandbox running? "
                    + "(bin/psc-sandbox)");
        } catch (SSLException e) {
            throw new IdentityException("TLS with " + options.server() + " failed (" + OneLine.of(e)
                    + "); give the server's CA certificates with --cacert");
        } catch (HttpTimeoutException e) {
            throw new IdentityException(options.server() + " did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw new IdentityException("talking to " + options.server() + " failed: " + OneLine.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityException("interrupted");
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** TLS trusting exactly the given CA bundle (the sandbox's), else the JDK's CAs. */
    private static SSLContext tls(IdentityOptions options) throws IdentityException {
        try {
            return options.cacert() != null ? PemTrust.sslContext(null, options.cacert()) : SSLContext.getDefault();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IdentityException("--cacert: cannot use " + options.cacert() + ": " + OneLine.of(e));
        }
    }
}
