package org.pscfederator.directorycli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pscfederator.core.certificates.PemTrust;
import org.pscfederator.cli.OneLine;

/**
 * Imports through a running server's admin endpoint ({@code POST /realms/{realm}/psc-directory/import}), as a realm
 * administrator: the way for the sandbox and for files within the server's request limit.
 */
final class ServerImport {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keycloak's default request limit (quarkus.http.limits.max-body-size). */
    private static final long SERVER_REQUEST_LIMIT = 10L << 20;

    private final ImportOptions options;
    private final Output output;
    private final char[] adminPassword;

    ServerImport(ImportOptions options, Output output, char[] adminPassword) {
        this.options = options;
        this.output = output;
        this.adminPassword = adminPassword;
    }

    ImportResult run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpClient client;
        try {
            HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10));
            if (options.cacert() != null) {
                builder.sslContext(PemTrust.sslContext(null, options.cacert()));
            }
            client = builder.build();
        } catch (IOException e) {
            return ImportResult.failed("cannot read the trusted certificates " + options.cacert() + ": "
                    + OneLine.of(e), elapsed(started));
        }
        try {
            String token = adminToken(client);
            if (token == null) {
                return ImportResult.failed("the server refused the admin login of " + options.adminUser()
                        + " (realm master): check PSC_ADMIN_PASSWORD", elapsed(started));
            }
            return upload(client, token, started);
        } catch (ConnectException e) {
            return ImportResult.failed("cannot reach " + options.server() + ": is the server running?", elapsed(started));
        } catch (SSLException e) {
            return ImportResult.failed("TLS with " + options.server() + " failed (" + OneLine.of(e)
                    + "); give the server's CA with --cacert", elapsed(started));
        } catch (HttpTimeoutException e) {
            return ImportResult.failed("the server did not answer in time; the import may still finish on the server "
                    + "(check " + statusUrl() + ")", elapsed(started));
        }
    }

    private String adminToken(HttpClient client) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(options.adminUser(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(new String(adminPassword), StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(options.server() + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        return JSON.readTree(response.body()).path("access_token").asText(null);
    }

    private ImportResult upload(HttpClient client, String token, long started)
            throws IOException, InterruptedException {
        long size = Files.size(options.file());
        URI importUri = URI.create(options.server() + "/realms/" + options.realm() + "/psc-directory/import?directory="
                + options.directoryName() + "&source=" + URLEncoder.encode(options.source(), StandardCharsets.UTF_8));
        output.progress("psc-directory: sending " + options.file() + " (" + (size >> 10) + " KB) to the "
                + options.directoryName() + " directory of " + options.server() + " realm " + options.realm());
        HttpResponse<String> response;
        try (InputStream file = Files.newInputStream(options.file()); ProgressStream stream = new ProgressStream(file);
                ProgressReporter reporter = output.reporter(stream, size, "sent")) {
            // Expect: 100-continue lets the server refuse a file over its limit before it is sent.
            response = client.send(HttpRequest.newBuilder(importUri)
                    .timeout(Duration.ofHours(2))
                    .expectContinue(true)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/octet-stream")
                    .POST(size == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                                    () -> stream), size))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (size > SERVER_REQUEST_LIMIT && !(e instanceof HttpTimeoutException)) {
                // The server may cut the connection on a body over its limit before answering 413.
                return ImportResult.failed("the server closed the connection while receiving a file of "
                        + (size >> 20) + " MB, above its request limit (10 MB in Keycloak by default); import a "
                        + "national-size file straight into the database with --db-url", elapsed(started));
            }
            throw e;
        }
        double seconds = elapsed(started);
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        return switch (status) {
            case 200, 422 -> result(body, seconds);
            case 409 -> ImportResult.failed(body.path("error").asText("another import is running")
                    + "; nothing was changed", seconds);
            case 401, 403 -> ImportResult.failed(options.adminUser() + " is not an administrator of realm "
                    + options.realm() + " (HTTP " + status + ")", seconds);
            case 404 -> ImportResult.failed("no directory endpoint at " + importUri.getPath()
                    + ": wrong --realm, or the server lacks the psc providers", seconds);
            case 413 -> ImportResult.failed("the server refused a file of " + (size >> 20) + " MB (its request limit);"
                    + " import a national-size file straight into the database with --db-url", seconds);
            default -> ImportResult.failed("the server answered HTTP " + status
                    + (body.has("error") ? ": " + body.path("error").asText() : "")
                    + "; the previous directory is kept", seconds);
        };
    }

    private static ImportResult result(JsonNode body, double seconds) {
        List<ImportResult.Problem> problems = new ArrayList<>();
        for (JsonNode problem : body.path("problems")) {
            problems.add(new ImportResult.Problem(problem.path("line").asLong(), problem.path("severity").asText(),
                    problem.path("reason").asText()));
        }
        return new ImportResult(body.path("activated").asBoolean(false), body.path("error").asText(null),
                body.path("linesRead").asLong(), body.path("activities").asLong(),
                body.path("professionals").asLong(), body.path("errors").asLong(), body.path("warnings").asLong(),
                problems, seconds, -1, -1);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private String statusUrl() {
        return options.server() + "/realms/" + options.realm() + "/psc-directory/status";
    }

    private static double elapsed(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
