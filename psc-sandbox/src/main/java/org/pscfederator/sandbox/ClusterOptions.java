package org.pscfederator.sandbox;

import java.nio.file.Path;

import org.pscfederator.cli.HelpOption;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code bin/psc-cluster}'s options, as typed, with their defaults. */
public final class ClusterOptions {

    static final String DEFAULT_DB_URL = "jdbc:postgresql://127.0.0.1:5432/psc_cluster";
    /** A connection each, on HAProxy and on the node: a bound that a single process's file descriptors take. */
    static final int MOST_ECPS_WAITS = 20_000;

    static final String USAGE = """
            Usage: bin/psc-cluster [options]

            Starts the Pro Santé Connect sandbox as a cluster: N Keycloak nodes with the psc-federator providers, one
            PostgreSQL database, Infinispan clustering with discovery through the database, and HAProxy in front on
            https://localhost:8443/auth (TLS, client certificates asked for, round robin). Ctrl-C stops it all.
            See docs/cluster.md.

            Options:
              --nodes N                  Keycloak nodes (default 2, at most 9)
              --data-dir DIR             cluster data folder (default cluster-data)
              --host NAME                the public host name in the issuer and every URL (default localhost)
              --https-port PORT          HAProxy's public HTTPS port (default 8443)
              --jgroups-port PORT        cluster transport port of node 1, node N takes PORT+N-1 (default 7800;
                                         failure detection takes each port + 50000 as well)
              --db-url URL               PostgreSQL database, which must exist (default %s)
              --db-username NAME         database user (default postgres)
              --db-password SECRET       database password (or env PSC_DB_PASSWORD)
              --db-pool-max-size N       database connections per node (default 20)
              --max-queued-requests N    requests a node queues beyond its worker threads before it answers 503
                                         (default 100)
              --node-max-connections N   requests HAProxy sends one node at once; more wait in HAProxy's queue at
                                         most 2 s, then get a 503 (default 100); the e-CPS waits are not counted
              --max-ecps-waits N         e-CPS waits (wait pages, phones) each node holds at once, each through a
                                         connection of its own; past it 503 (default %d, at most %d)
              --admin-password SECRET    password of the master realm's 'admin' on first start (default admin)
              --haproxy PATH             the HAProxy program (default haproxy on the PATH, or /usr/sbin/haproxy)
              -h, --help                 show this help
            """.formatted(DEFAULT_DB_URL, KeycloakCommand.DEFAULT_ECPS_WAITS, MOST_ECPS_WAITS);

    @Mixin
    HelpOption help;
    @Option(names = "--nodes")
    int nodes = 2;
    @Option(names = "--data-dir")
    Path dataDir = Path.of("cluster-data");
    @Option(names = "--host")
    String host;
    @Option(names = "--https-port")
    int httpsPort = 8443;
    @Option(names = "--jgroups-port")
    int jgroupsPort = 7800;
    @Option(names = "--db-url")
    String dbUrl = DEFAULT_DB_URL;
    @Option(names = "--db-username")
    String dbUsername = "postgres";
    @Option(names = "--db-password")
    String dbPassword = System.getenv("PSC_DB_PASSWORD");
    @Option(names = "--db-pool-max-size")
    int dbPoolMaxSize = 20;
    @Option(names = "--max-queued-requests")
    int maxQueuedRequests = 100;
    @Option(names = "--node-max-connections")
    int nodeMaxConnections = 100;
    @Option(names = "--max-ecps-waits")
    int maxEcpsWaits = KeycloakCommand.DEFAULT_ECPS_WAITS;
    @Option(names = "--admin-password")
    String adminPassword = "admin";
    @Option(names = "--haproxy")
    Path haproxy;

    /** The options once checked (a refusal is a usage error, exit code 2). */
    ClusterOptions checked() {
        if (nodes < 1 || nodes > 9) {
            throw new TypeConversionException("--nodes must be between 1 and 9");
        }
        if (!dbUrl.startsWith("jdbc:postgresql://")) {
            throw new TypeConversionException(
                    "--db-url must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE)");
        }
        if (jgroupsPort < 1024 || jgroupsPort + nodes - 1 + 50_000 > 65_535) {
            throw new TypeConversionException("--jgroups-port must be between 1024 and "
                    + (65_535 - 50_000 - nodes + 1) + ": failure detection listens 50000 above it");
        }
        for (int value : new int[] {dbPoolMaxSize, maxQueuedRequests, nodeMaxConnections}) {
            if (value < 1) {
                throw new TypeConversionException(
                        "--db-pool-max-size, --max-queued-requests and --node-max-connections must be positive");
            }
        }
        if (maxEcpsWaits < 0 || maxEcpsWaits > MOST_ECPS_WAITS) {
            throw new TypeConversionException("--max-ecps-waits must be between 0 and " + MOST_ECPS_WAITS);
        }
        sandbox();
        return this;
    }

    /** The launcher's public side, shaped as the sandbox's: the same realm, trust material and first-start work. */
    SandboxOptions sandbox() {
        String[] args = host == null
                ? new String[] {"--data-dir", dataDir.toString(), "--https-port", Integer.toString(httpsPort),
                        "--db", "postgres", "--db-url", dbUrl, "--admin-password", adminPassword}
                : new String[] {"--data-dir", dataDir.toString(), "--https-port", Integer.toString(httpsPort),
                        "--db", "postgres", "--db-url", dbUrl, "--admin-password", adminPassword, "--host", host};
        try {
            SandboxOptions parsed = SandboxOptions.parse(args);
            return new SandboxOptions(parsed.dataDir(), parsed.host(), null, parsed.httpsPort(), parsed.managementPort(),
                    parsed.managementHost(), parsed.database(), parsed.dbUrl(), dbUsername, dbPassword,
                    parsed.adminPassword(), maxEcpsWaits, false, null, false, false);
        } catch (SandboxException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
