package org.pscfederator.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

import org.pscfederator.core.certificates.PemTrust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A sandbox started by the real launcher, as a process: Keycloak's distribution with the providers, HTTPS with the
 * sandbox PKI. Tests reach it only over HTTPS, trusting nothing but the sandbox CA bundle.
 */
public final class SandboxServer implements PscEndpoint, AutoCloseable {

    public static final String REALM = "esante-wallet";
    public static final String ADMIN_PASSWORD = "admin-it";
    // A first start lays out and builds Keycloak (kc.sh build), minutes on a busy 2-core machine;
    // -Dit.startTimeoutMinutes=N gives it longer still.
    private static final Duration START_TIMEOUT = Duration.ofMinutes(Long.getLong("it.startTimeoutMinutes", 10));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START_MARK = "=== it harness: starting the launcher with";
    private static final Pattern KEYCLOAK_PORT = Pattern.compile("psc-sandbox: Keycloak listens on https://127\\.0\\.0\\.1:(\\d+) ");

    private final String name;
    private final Path dataDir;
    private final Path log;
    private final int httpsPort;
    private final int managementPort;
    private final List<String> extraArgs;
    private Process process;
    private HttpClient client;

    public SandboxServer(String name, List<String> extraArgs) {
        this.name = name;
        this.dataDir = Launcher.workDir().resolve(name);
        this.log = Launcher.workDir().resolve(name + ".log");
        this.httpsPort = FreePort.find();
        this.managementPort = FreePort.find();
        this.extraArgs = List.copyOf(extraArgs);
    }

    /** Starts with a fresh data folder (the suite's own, left by an earlier run, is deleted first). */
    public SandboxServer startFresh() {
        try {
            deleteTree(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(List.of());
    }

    /** Starts again on the data folder of an earlier start, with more launcher options (say --reset). */
    public SandboxServer restart(String... options) {
        stop();
        return start(List.of(options));
    }

    private SandboxServer start(List<String> options) {
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(),
                "--https-port", Integer.toString(httpsPort), "--management-port", Integer.toString(managementPort),
                "--admin-password", ADMIN_PASSWORD));
        args.addAll(options);
        args.addAll(extraArgs);
        try {
            Files.writeString(log, START_MARK + " " + String.join(" ", args) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(Launcher.javaCommand(args))
                    .directory(Launcher.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
        return this;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI health = URI.create("https://localhost:" + managementPort + "/auth/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sandbox '" + name + "' stopped with exit code " + process.exitValue()
                        + " before it was ready:\n" + logTail());
            }
            try {
                HttpResponse<Void> response = http().send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 && logTail().contains("psc-sandbox: ready.")) {
                    // The launcher says ready once its first-start work (the sandbox identities) is done too.
                    return;
                }
            } catch (IOException e) {
                // not listening yet, or its PKI is not written yet
                client = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(1000);
        }
        stop();
        throw new IllegalStateException("sandbox '" + name + "' not ready within " + START_TIMEOUT + ":\n" + logTail());
    }

    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String baseUrl() {
        return "https://localhost:" + httpsPort + "/auth";
    }

    public String managementUrl() {
        return "https://localhost:" + managementPort + "/auth";
    }

    public int httpsPort() {
        return httpsPort;
    }

    public int managementPort() {
        return managementPort;
    }

    /** Keycloak's own port behind the TLS front, as the launcher announced it at this start. */
    public int keycloakPort() {
        Matcher announced;
        try {
            announced = KEYCLOAK_PORT.matcher(String.join("\n", thisStartLog()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!announced.find()) {
            throw new IllegalStateException("the launcher did not say where Keycloak listens:\n" + logTail());
        }
        return Integer.parseInt(announced.group(1));
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return log;
    }

    @Override
    public HttpClient http() throws IOException {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .sslContext(trusting(caBundle()))
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }

    /** Posts a directory file (national, or staff) to the realm's import endpoint, as a realm administrator would. */
    public HttpResponse<String> importDirectory(byte[] file, String directory, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realmUrl() + "/psc-directory/import?source=it"
                        + (directory == null ? "" : "&directory=" + directory)))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** The sandbox's test identities, national and staff, as the launcher imports them at first start. */
    public void importSandboxDirectories() throws IOException, InterruptedException {
        Path folder = Launcher.repoRoot().resolve("realm-config/directory");
        for (String[] file : new String[][] {{"PS_LibreAcces_Personne_activite_sandbox.txt", "national"},
                {"staff_sandbox.txt", "staff"}}) {
            HttpResponse<String> response = importDirectory(Files.readAllBytes(folder.resolve(file[0])), file[1],
                    adminToken());
            if (response.statusCode() != 200) {
                throw new AssertionError("import of " + file[0] + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The server's log line holding this text; the server writes its log as it goes, so wait a little for it. */
    public String logLineNaming(String text) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            for (String line : Files.readAllLines(log(), StandardCharsets.UTF_8)) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no log line names " + text);
    }

    public String logTail() {
        try {
            List<String> lines = thisStartLog();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 200), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Only this start's lines: the log gathers every start of this server. */
    private List<String> thisStartLog() throws IOException {
        List<String> lines = Files.readAllLines(log);
        int lastStart = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(START_MARK)) {
                lastStart = i;
            }
        }
        return lines.subList(lastStart, lines.size());
    }

    public static SSLContext trusting(Path pemBundle) throws IOException {
        return withKeys(null, pemBundle);
    }

    /** A TLS context that presents the given keys (a card, an ORG certificate) and trusts the sandbox bundle. */
    public static SSLContext withKeys(KeyManager[] keyManagers, Path pemBundle) throws IOException {
        return PemTrust.sslContext(keyManagers, pemBundle);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
