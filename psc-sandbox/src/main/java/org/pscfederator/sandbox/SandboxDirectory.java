package org.pscfederator.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the sandbox's test identities (realm-config/directory) into the directory at first start, through the
 * same admin endpoint an operator uses, so that a vendor finds professionals at once.
 */
final class SandboxDirectory {

    static final String NATIONAL_FILE = "directory/PS_LibreAcces_Personne_activite_sandbox.txt";
    static final String STAFF_FILE = "directory/staff_sandbox.txt";
    private static final String MARKER = ".directory-imported";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MILLIS = 5_000;

    private final HttpClient client;
    private final SandboxOptions options;
    private final SandboxData data;
    private final PrintStream out;

    SandboxDirectory(HttpClient client, SandboxOptions options, SandboxData data, PrintStream out) {
        this.client = client;
        this.options = options;
        this.data = data;
        this.out = out;
    }

    void importOnFirstStart() {
        Path marker = data.root().resolve(MARKER);
        if (Files.exists(marker)) {
            return;
        }
        // A loaded machine can time a request out just after Keycloak says it is ready; an import replaces the
        // directory as a whole, so trying again is safe.
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                String token = adminToken();
                upload(token, NATIONAL_FILE, "national");
                upload(token, STAFF_FILE, "staff");
                Files.writeString(marker, "sandbox identities imported\n");
                return;
            } catch (IOException | RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    out.println("psc-sandbox: the sandbox identities were not imported (" + e.getMessage()
                            + "); the next start tries again, or import realm-config/directory/ through the admin"
                            + " endpoint (docs/directory.md)");
                    return;
                }
                out.println("psc-sandbox: importing the sandbox identities failed (" + e.getMessage()
                        + "), trying again");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(RETRY_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(options.adminPassword(), StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(options.localUrl() + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("admin login answered HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private void upload(String token, String resource, String directory) throws IOException, InterruptedException {
        byte[] file;
        try (InputStream in = SandboxDirectory.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the launcher");
            }
            file = in.readAllBytes();
        }
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(options.localUrl()
                        + "/realms/esante-wallet/psc-directory/import?directory=" + directory + "&source=sandbox"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode report = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IOException(directory + " import answered HTTP " + response.statusCode() + ": "
                    + report.path("error").asText());
        }
        out.println("psc-sandbox: imported the sandbox " + directory + " directory: "
                + report.path("professionals").asLong() + " professionals");
    }
}
