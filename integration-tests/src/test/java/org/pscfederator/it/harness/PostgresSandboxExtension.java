package org.pscfederator.it.harness;

import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a sandbox on PostgreSQL, in a database created for the run. Without a reachable PostgreSQL the tests
 * are skipped with the reason, unless PSC_REQUIRE_POSTGRES=true (as in CI), where that is a failure.
 */
public class PostgresSandboxExtension implements ParameterResolver, ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String unavailable = TestDatabase.unavailableReason();
        if (unavailable == null || required()) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable, or required");
        }
        System.err.println("SKIPPED PostgreSQL tests: " + unavailable);
        return ConditionEvaluationResult.disabled("skipped: " + unavailable);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SandboxServer.class || type == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Shared shared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("sandbox-postgres", key -> startOnPostgres(), Shared.class);
        return parameter.getParameter().getType() == TestDatabase.class ? shared.database() : shared.server();
    }

    private static Shared startOnPostgres() {
        String unavailable = TestDatabase.unavailableReason();
        if (unavailable != null) {
            throw new IllegalStateException(unavailable + "; PSC_REQUIRE_POSTGRES=true");
        }
        try {
            TestDatabase database = TestDatabase.create("psc_it");
            SandboxServer server = new SandboxServer("sandbox-postgres", List.of("--db", "postgres",
                    "--db-url", database.jdbcUrl(), "--db-username", database.user()));
            try {
                return new Shared(server.startFresh(), database);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create the test database: " + e.getMessage(), e);
        }
    }

    private static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("PSC_REQUIRE_POSTGRES"));
    }

    record Shared(SandboxServer server, TestDatabase database) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            server.close();
            database.close();
        }
    }
}
