package org.pscfederator.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.ClusterExtension;
import org.pscfederator.it.harness.ClusterServer;
import org.pscfederator.it.harness.OwnPostgres;

/**
 * PostgreSQL restarted under the cluster's feet, a server of the test's own (never the shared one): the logins
 * running meanwhile end with an HTTP error rather than hang, and both nodes serve logins again afterwards without
 * being restarted.
 */
@Tag("cluster")
@Tag("postgres")
@ExtendWith(ClusterExtension.class)
class ClusterDatabaseRestartIT {

    private static final String ID_NAT = "899700366240";
    private static final long ATTEMPT_BOUND_MILLIS = 45_000;
    private static OwnPostgres postgres;
    private static ClusterServer cluster;

    @BeforeAll
    static void start() throws Exception {
        String unavailable = OwnPostgres.unavailableReason();
        if (unavailable != null && !"true".equalsIgnoreCase(System.getenv("PSC_REQUIRE_POSTGRES"))) {
            System.err.println("SKIPPED PostgreSQL restart test: " + unavailable);
            Assumptions.abort("skipped: " + unavailable);
        }
        postgres = OwnPostgres.start();
        postgres.createDatabase("psc_restart");
        cluster = ClusterServer.start("cluster-pg-restart", ClusterExtension.NODES, postgres.jdbcUrl("psc_restart"),
                "postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void loginsUnderwayFailWithAnHttpErrorAndBothNodesServeAgainAfterARestart() throws Exception {
        List<Long> slowest = new CopyOnWriteArrayList<>();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            load.submit(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    outcomes.merge(attempt(), 1, Integer::sum);
                    slowest.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }
                return null;
            });
        }
        Thread.sleep(5_000);
        postgres.restart();
        Thread.sleep(10_000);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(ATTEMPT_BOUND_MILLIS * 2, TimeUnit.MILLISECONDS)).isTrue();

        System.out.println("logins around the PostgreSQL restart: " + outcomes);
        assertThat(outcomes.keySet()).as("every login ended with tokens or an HTTP answer")
                .allMatch(key -> key.equals("ok") || key.startsWith("HTTP "));
        assertThat(slowest).as("no login hung").allMatch(millis -> millis < ATTEMPT_BOUND_MILLIS);
        for (String node : cluster.nodes()) {
            try (var pinned = cluster.only(node)) {
                assertThat(untilOk()).as(node + " serves logins again, not restarted").isEqualTo("ok");
            }
        }
    }

    /** One card login with its code exchange: "ok", "HTTP <status>" of the step that failed, or what broke. */
    private static String attempt() {
        try {
            CardBrowser.Request request = CardBrowser.Request.of(EcpsFlow.CLIENT, EcpsFlow.REDIRECT);
            CardBrowser.Outcome outcome = CardBrowser.withCard(cluster, card()).loginWithCard(request);
            if (!outcome.redirected()) {
                return "HTTP " + outcome.status();
            }
            int status = CardBrowser.exchange(cluster, outcome.redirectParameters().get("code"), request,
                    EcpsFlow.SECRET).statusCode();
            return status == 200 ? "ok" : "HTTP " + status;
        } catch (AssertionError e) {
            // the login page did not come: CardBrowser says with which status
            java.util.regex.Matcher status = java.util.regex.Pattern.compile("HTTP (\\d{3})").matcher(
                    String.valueOf(e.getMessage()));
            return status.find() ? "HTTP " + status.group(1) : "no login page";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private static String untilOk() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = null;
        while (System.nanoTime() < deadline) {
            last = attempt();
            if (last.equals("ok")) {
                return last;
            }
            Thread.sleep(1_000);
        }
        return last;
    }

    private static Path card() {
        return cluster.dataDir().resolve("pki/cards/" + ID_NAT + ".p12");
    }
}
