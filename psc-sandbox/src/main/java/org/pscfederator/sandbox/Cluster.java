package org.pscfederator.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pscfederator.core.certificates.PemTrust;
import org.pscfederator.realmconfig.RealmAssembler;

/**
 * The processes of {@code bin/psc-cluster} and their order: HAProxy first (it marks nodes up as they become ready),
 * node 1 alone (it creates the schema and imports the realm), then the other nodes together; then, through the
 * balancer, the sandbox's first-start work. Stops all it started.
 */
final class Cluster implements AutoCloseable {

    private static final Duration NODE_START_TIMEOUT = Duration.ofMinutes(6);
    private static final long STOP_TIMEOUT_SECONDS = 30;
    /** A node's heap: enough for the sandbox's load, and N of them share one machine. */
    private static final String NODE_HEAP = "-Xms256m -Xmx1g";

    private final ClusterOptions options;
    private final SandboxOptions sandbox;
    private final SandboxData data;
    private final SandboxPki pki;
    private final Haproxy haproxy;
    private final Path haproxyConfig;
    private final FrontIdentity front;
    private final KeycloakDistribution distribution;
    private final List<ClusterNode> nodes;
    private final PrintStream out;
    private final List<Process> started = new ArrayList<>();
    private Process balancer;
    private HttpClient client;
    private volatile boolean closing;

    private Cluster(ClusterOptions options, SandboxData data, SandboxPki pki, Haproxy haproxy, Path haproxyConfig,
            FrontIdentity front, KeycloakDistribution distribution, List<ClusterNode> nodes, PrintStream out) {
        this.options = options;
        this.sandbox = options.sandbox();
        this.data = data;
        this.pki = pki;
        this.haproxy = haproxy;
        this.haproxyConfig = haproxyConfig;
        this.front = front;
        this.distribution = distribution;
        this.nodes = nodes;
        this.out = out;
    }

    /** Lays out the data folder, the PKI, one server folder per node and HAProxy's files; starts nothing. */
    static Cluster prepare(ClusterOptions options, PrintStream out) {
        Haproxy haproxy = Haproxy.find(options.haproxy);
        SandboxOptions sandbox = options.sandbox();
        SandboxData data = new SandboxData(sandbox.dataDir());
        data.prepare();
        Preflight.checkPortFree(sandbox.httpsPort(), "--https-port");
        for (int i = 0; i < options.nodes; i++) {
            Preflight.checkPortFree(options.jgroupsPort + i, "--jgroups-port (node " + (i + 1) + ")");
        }
        Preflight.checkDatabase(sandbox);
        SandboxPki pki = SandboxPki.prepare(data.pki(), sandbox.certificateHosts(), "127.0.0.1");
        KeycloakDistribution distribution = KeycloakDistribution.besideLauncher();
        FrontIdentity front = FrontIdentity.generate();
        List<ClusterNode> nodes = new ArrayList<>();
        Set<Integer> promised = new HashSet<>(Set.of(sandbox.httpsPort()));
        for (int i = 0; i < options.nodes; i++) {
            // The cluster transport, and the failure detection 50000 above it.
            promised.add(options.jgroupsPort + i);
            promised.add(options.jgroupsPort + i + 50_000);
        }
        for (int number = 1; number <= options.nodes; number++) {
            ClusterNode node = ClusterNode.of(number, data.root(), options.jgroupsPort + number - 1, promised);
            out.println("psc-cluster: laying out " + node.name() + " in " + node.home());
            distribution.layOut(node.home());
            distribution.installProviders(node.home());
            front.writeTrustStore(node.frontTrustStore());
            nodes.add(node);
        }
        RealmImport.write(nodes.get(0).home(), pki.trustMaterial(), pki.sandboxRpBindings(), sandbox);
        Path config = writeHaproxyFiles(options, data, pki, front, nodes);
        haproxy.check(config);
        return new Cluster(options, data, pki, haproxy, config, front, distribution, nodes, out);
    }

    private static Path writeHaproxyFiles(ClusterOptions options, SandboxData data, SandboxPki pki,
            FrontIdentity front, List<ClusterNode> nodes) {
        Path folder = data.root().resolve("haproxy");
        Path ca = data.pki().resolve("ca");
        try {
            Files.createDirectories(folder);
            Files.createDirectories(data.root().resolve("logs"));
            Path serverPem = folder.resolve("server.pem");
            Files.writeString(serverPem, Files.readString(pki.serverCertificate()) + Files.readString(pki.serverKey()));
            Path hints = folder.resolve("client-ca-hints.pem");
            Files.writeString(hints, Files.readString(ca.resolve("persons-ca.pem"))
                    + Files.readString(ca.resolve("org-ca.pem")) + Files.readString(ca.resolve("root-ca.pem")));
            Path frontPem = folder.resolve("front.pem");
            front.writePem(frontPem);
            Path config = folder.resolve("haproxy.cfg");
            Files.writeString(config, new HaproxyConfig(options.sandbox().httpsPort(), serverPem, hints,
                    data.caBundle(), frontPem, adminSocket(data), options.nodeMaxConnections, options.maxEcpsWaits,
                    nodes, new WalletAuthorization(RealmAssembler.REALM_NAME)).text(),
                    StandardCharsets.UTF_8);
            return config;
        } catch (IOException e) {
            throw new SandboxException("cannot write HAProxy's files in " + folder + ": " + e.getMessage());
        }
    }

    static Path adminSocket(SandboxData data) {
        return data.root().resolve("haproxy").resolve("admin.sock");
    }

    void start() throws InterruptedException {
        Path haproxyLog = data.root().resolve("logs").resolve("haproxy.log");
        balancer = track(haproxy.start(haproxyConfig, haproxyLog));
        out.println("psc-cluster: HAProxy pid " + balancer.pid() + " on " + sandbox.baseUrl() + ", admin socket "
                + adminSocket(data) + ", log " + haproxyLog);
        startNode(nodes.get(0), true);
        awaitReady(List.of(nodes.get(0)));
        List<ClusterNode> others = nodes.subList(1, nodes.size());
        for (ClusterNode node : others) {
            distribution.copyBuild(nodes.get(0).home(), node.home());
            startNode(node, false);
        }
        awaitReady(others);
        awaitBalancer();
        new SandboxDirectory(client(), sandbox, data, out).importOnFirstStart();
        new SandboxDevices(sandbox, data, out).enrolOnFirstStart();
        announce();
    }

    private void startNode(ClusterNode node, boolean importRealm) {
        ProcessBuilder builder = new ProcessBuilder(ClusterNodeCommand.arguments(options, node, pki, importRealm))
                .directory(node.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(node.log().toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(KeycloakCommand.environment(sandbox, front.trustStorePassword()));
        env.put("JAVA_OPTS_KC_HEAP", NODE_HEAP);
        try {
            Process process = track(builder.start());
            out.println("psc-cluster: " + node.name() + " pid " + process.pid() + " https 127.0.0.1:" + node.httpsPort()
                    + " management " + node.healthUrl() + " jgroups 127.0.0.1:" + node.jgroupsPort() + " log "
                    + node.log());
        } catch (IOException e) {
            throw new SandboxException("cannot start " + node.name() + ": " + e.getMessage());
        }
    }

    private synchronized Process track(Process process) {
        started.add(process);
        return process;
    }

    private Process processOf(ClusterNode node) {
        // started holds HAProxy first, then the nodes in order.
        return started.get(1 + nodes.indexOf(node));
    }

    private void awaitReady(List<ClusterNode> waiting) throws InterruptedException {
        long deadline = System.nanoTime() + NODE_START_TIMEOUT.toNanos();
        List<ClusterNode> left = new ArrayList<>(waiting);
        while (!left.isEmpty()) {
            for (ClusterNode node : List.copyOf(left)) {
                Process process = processOf(node);
                if (!process.isAlive()) {
                    throw new SandboxException(node.name() + " stopped with exit code " + process.exitValue()
                            + " before it was ready; see " + node.log());
                }
                if (answers200(node.healthUrl())) {
                    out.println("psc-cluster: " + node.name() + " ready");
                    left.remove(node);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new SandboxException(left.get(0).name() + " not ready within " + NODE_START_TIMEOUT.toMinutes()
                        + " minutes; see " + left.get(0).log());
            }
            if (!left.isEmpty()) {
                Thread.sleep(1000);
            }
        }
    }

    /** Until HAProxy's checks have marked the nodes up and it serves the realm. */
    private void awaitBalancer() throws InterruptedException {
        String discovery = sandbox.localUrl() + "/realms/esante-wallet/.well-known/openid-configuration";
        for (int attempt = 0; attempt < 60; attempt++) {
            if (!balancer.isAlive()) {
                throw new SandboxException("HAProxy stopped with exit code " + balancer.exitValue());
            }
            if (answers200(discovery)) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new SandboxException("HAProxy does not serve the realm on " + discovery);
    }

    private boolean answers200(String url) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
            return client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private HttpClient client() {
        if (client == null) {
            try {
                client = HttpClient.newBuilder().sslContext(PemTrust.sslContext(null, data.caBundle()))
                        .connectTimeout(Duration.ofSeconds(2)).build();
            } catch (Exception e) {
                throw new SandboxException("cannot read the trust bundle " + data.caBundle() + ": " + e.getMessage());
            }
        }
        return client;
    }

    private void announce() {
        out.println();
        out.println("psc-cluster: ready.");
        out.println("  Discovery      " + sandbox.baseUrl() + "/realms/esante-wallet/.well-known/wallet-openid-configuration");
        out.println("  Trust bundle   " + data.caBundle());
        out.println("  Admin console  " + sandbox.baseUrl() + "/admin/  (user admin)");
        for (ClusterNode node : nodes) {
            out.println("  " + node.name() + "         health " + node.healthUrl() + ", log " + node.log());
        }
        out.println("  HAProxy        admin socket " + adminSocket(data) + " (echo 'show stat' | socat - UNIX:...)");
        out.println("  Stop with Ctrl-C: it stops HAProxy and every node.");
        out.println();
    }

    /** Runs until every node has stopped, or HAProxy has; says when one node goes, the others serve on. */
    int awaitEnd() throws InterruptedException {
        List<ClusterNode> alive = new ArrayList<>(nodes);
        while (balancer.isAlive() && !alive.isEmpty()) {
            for (ClusterNode node : List.copyOf(alive)) {
                if (!processOf(node).isAlive()) {
                    out.println("psc-cluster: " + node.name() + " stopped (exit code " + processOf(node).exitValue()
                            + "); " + (alive.size() - 1) + " node(s) left");
                    alive.remove(node);
                }
            }
            Thread.sleep(500);
        }
        if (closing) {
            return 0;
        }
        if (!balancer.isAlive()) {
            throw new SandboxException("HAProxy stopped with exit code " + balancer.exitValue() + "; see "
                    + data.root().resolve("logs").resolve("haproxy.log"));
        }
        throw new SandboxException("every node has stopped; see " + data.root().resolve("logs"));
    }

    /** Stops HAProxy first (no request reaches a node that is stopping), then the nodes. */
    @Override
    public synchronized void close() {
        closing = true;
        for (Process process : started) {
            ProcessTree.stop(process, STOP_TIMEOUT_SECONDS);
        }
    }
}
