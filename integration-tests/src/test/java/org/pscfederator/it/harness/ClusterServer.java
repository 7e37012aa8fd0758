package org.pscfederator.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pscfederator.bench.cluster.HaproxyRuntime;

/**
 * A cluster started by the real launcher, {@code bin/psc-cluster}'s jar, as a process: N Keycloak nodes on one
 * PostgreSQL database behind HAProxy. Tests reach it through HAProxy over HTTPS only; they may take a node out of
 * the rotation through HAProxy's runtime API, or kill one.
 */
public final class ClusterServer implements PscEndpoint, AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern NODE = Pattern.compile("psc-cluster: (node-\\d+) pid (\\d+) https 127\\.0\\.0\\.1:(\\d+) ");
    private static final Pattern SOCKET = Pattern.compile("psc-cluster: HAProxy pid \\d+ on \\S+, admin socket (\\S+),");

    private final Path dataDir;
    private final Path log;
    private final int httpsPort;
    private final Process process;
    private final Map<String, Long> nodePids = new LinkedHashMap<>();
    private HaproxyRuntime runtime;
    private HttpClient client;

    private ClusterServer(Path dataDir, Path log, int httpsPort, Process process) {
        this.dataDir = dataDir;
        this.log = log;
        this.httpsPort = httpsPort;
        this.process = process;
    }

    /**
     * Starts {@code nodes} nodes on the database {@code jdbcUrl}, with a fresh data folder and more launcher
     * {@code options}, and waits for them.
     */
    public static ClusterServer start(String name, int nodes, String jdbcUrl, String dbUser, String... options) {
        Path dataDir = Launcher.workDir().resolve(name);
        Path log = Launcher.workDir().resolve(name + ".log");
        int httpsPort = FreePort.find();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", Launcher.jar().toString(), "org.pscfederator.sandbox.PscCluster",
                "--nodes", Integer.toString(nodes), "--data-dir", dataDir.toString(),
                "--https-port", Integer.toString(httpsPort), "--jgroups-port", Integer.toString(jgroupsBase(nodes)),
                "--db-url", jdbcUrl, "--db-username", dbUser, "--admin-password", SandboxServer.ADMIN_PASSWORD));
        command.addAll(List.of(options));
        try {
            SandboxServer.deleteTree(dataDir);
            Files.writeString(log, "=== it harness: " + String.join(" ", command) + "\n", StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(command).directory(Launcher.workDir().toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ClusterServer cluster = new ClusterServer(dataDir, log, httpsPort, process);
            cluster.awaitReady();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cluster transport port for node 1 with the next ones, and each + 50000 (failure detection), all free. */
    private static int jgroupsBase(int nodes) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(10_000, 15_000);
            boolean free = true;
            for (int i = 0; i < nodes && free; i++) {
                free = isFree(base + i) && isFree(base + i + 50_000);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free cluster transport ports found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log);
            if (text.contains("psc-cluster: ready.")) {
                Matcher node = NODE.matcher(text);
                while (node.find()) {
                    nodePids.put(node.group(1), Long.parseLong(node.group(2)));
                }
                Matcher socket = SOCKET.matcher(text);
                if (!socket.find()) {
                    throw new IllegalStateException("the launcher did not name HAProxy's admin socket:\n" + text);
                }
                runtime = new HaproxyRuntime(Path.of(socket.group(1)));
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("psc-cluster stopped with exit code " + process.exitValue()
                        + " before it was ready:\n" + text);
            }
            sleep(1000);
        }
        close();
        throw new IllegalStateException("psc-cluster not ready within " + START_TIMEOUT + "; see " + log);
    }

    @Override
    public String baseUrl() {
        return "https://localhost:" + httpsPort + "/auth";
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return log;
    }

    /** The nodes' names, as HAProxy knows them: node-1, node-2... */
    public List<String> nodes() {
        return List.copyOf(nodePids.keySet());
    }

    public HaproxyRuntime balancer() {
        return runtime;
    }

    /** Requests HAProxy has sent each node so far. */
    public Map<String, Long> requestsByNode() throws IOException {
        return runtime.requestsByNode();
    }

    /** Until closed, HAProxy sends new requests to {@code node} only; requests already running elsewhere go on. */
    public Pinned only(String node) throws IOException {
        for (String other : nodes()) {
            runtime.setState(other, other.equals(node) ? "ready" : "drain");
        }
        return new Pinned();
    }

    /** Puts every node back in the rotation. */
    public final class Pinned implements AutoCloseable {
        @Override
        public void close() throws IOException {
            for (String node : nodes()) {
                runtime.setState(node, "ready");
            }
        }
    }

    /** Kills the node at once, as a crash would: SIGKILL to its kc.sh and the server it started. */
    public void kill(String node) {
        ProcessHandle.of(nodePids.get(node)).ifPresent(handle -> {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
    }

    @Override
    public HttpClient http() throws IOException {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .sslContext(SandboxServer.trusting(caBundle()))
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }

    /** Stops the launcher, which stops HAProxy and every node it started. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
