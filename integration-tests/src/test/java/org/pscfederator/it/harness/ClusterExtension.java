package org.pscfederator.it.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a 2-node cluster behind HAProxy on a PostgreSQL database created for the run, started once and
 * stopped when the run ends. Without HAProxy or PostgreSQL the tests are skipped, saying why, unless
 * PSC_REQUIRE_HAPROXY=true or PSC_REQUIRE_POSTGRES=true (as in CI), where that is a failure.
 */
public class ClusterExtension implements ParameterResolver, ExecutionCondition {

    public static final int NODES = 2;
    /** Ordinary requests HAProxy sends a node at once: few, so that a test can hold more e-CPS waits than that. */
    public static final int NODE_MAX_CONNECTIONS = 20;
    /** e-CPS waits each node holds: few, so that a test can reach the limit. */
    public static final int NODE_MAX_ECPS_WAITS = 40;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String noHaproxy = haproxy() == null ? "HAProxy not installed (apt-get install haproxy)" : null;
        String noPostgres = TestDatabase.unavailableReason();
        if (noHaproxy != null && !required("PSC_REQUIRE_HAPROXY")) {
            System.err.println("SKIPPED cluster tests: " + noHaproxy);
            return ConditionEvaluationResult.disabled("skipped: " + noHaproxy);
        }
        if (noPostgres != null && !required("PSC_REQUIRE_POSTGRES")) {
            System.err.println("SKIPPED cluster tests: " + noPostgres);
            return ConditionEvaluationResult.disabled("skipped: " + noPostgres);
        }
        return ConditionEvaluationResult.enabled("HAProxy and PostgreSQL present, or required");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ClusterServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("cluster", key -> start(), Shared.class).cluster();
    }

    private static Shared start() {
        if (haproxy() == null) {
            throw new IllegalStateException("HAProxy not installed (apt-get install haproxy); PSC_REQUIRE_HAPROXY=true");
        }
        String unavailable = TestDatabase.unavailableReason();
        if (unavailable != null) {
            throw new IllegalStateException(unavailable + "; PSC_REQUIRE_POSTGRES=true");
        }
        try {
            TestDatabase database = TestDatabase.create("psc_cluster_it");
            try {
                return new Shared(ClusterServer.start("cluster", NODES, database.jdbcUrl(), database.user(),
                        "--node-max-connections", Integer.toString(NODE_MAX_CONNECTIONS),
                        "--max-ecps-waits", Integer.toString(NODE_MAX_ECPS_WAITS)),
                        database);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create the test database: " + e.getMessage(), e);
        }
    }

    /** HAProxy as the launcher finds it: on the PATH, or where Debian puts it. */
    static Path haproxy() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                        .filter(folder -> !folder.isEmpty()).map(folder -> Path.of(folder, "haproxy")),
                        Stream.of(Path.of("/usr/sbin/haproxy")))
                .filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static boolean required(String variable) {
        return "true".equalsIgnoreCase(System.getenv(variable));
    }

    record Shared(ClusterServer cluster, TestDatabase database) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            cluster.close();
            database.close();
        }
    }
}
