package org.pscfederator.it.ecps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsWaitsIT.awaitGauge;
import static org.pscfederator.it.ecps.EcpsWaitsIT.gauge;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pscfederator.bench.Bench;
import org.pscfederator.bench.BenchOptions;
import org.pscfederator.bench.BenchResult;
import org.pscfederator.bench.FlowResult;
import org.pscfederator.bench.HeldWaits;
import org.pscfederator.it.harness.SandboxServer;

/**
 * A national share of e-CPS waits on one node: 2,000 wait pages held open, and as many more opened and abandoned by
 * their clients in a loop, while discovery, a password login and a card login still answer within a second (p95).
 * Its own server, started with room for them ({@code --max-ecps-waits}), so that the suite's sandbox keeps its
 * default.
 */
@Tag("psc-ecps")
@Tag("national-load")
@EnabledIfSystemProperty(named = "psc.it.national-load", matches = "true", disabledReason = "the national load "
        + "acceptance does not hold yet (discovery p95 above 3 s with 2,000 waits on 2 cores): run it with "
        + "-Dpsc.it.national-load=true (docs/testing.md)")
class EcpsNationalWaitsIT {

    private static final int HELD = 2000;
    private static final int ABANDONED = 2000;
    /** The node's bound: the held waits, one abandoning batch in flight, and a margin. */
    private static final int LIMIT = 2100;
    private static final int BATCH = 50;
    /** Nobody in the directory: a real request, a real wait page, and no phone to answer it. */
    private static final String NOBODY = "899700000977";

    private static SandboxServer server;

    @BeforeAll
    static void start() {
        server = new SandboxServer("sandbox-national-waits", List.of("--max-ecps-waits", Integer.toString(LIMIT)))
                .startFresh();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoThousandHeldWaitsAndAsManyAbandonedLeaveDiscoveryAndLoginsUnderASecond() throws Exception {
        server.importSandboxDirectories();
        SSLContext tls = SandboxServer.trusting(server.caBundle());
        // The longest request the realm allows: opening the waits and measuring take minutes, and the request's
        // expiry would answer every wait at once (that is EcpsWaitsIT's expiry test, not this one).
        EcpsFlow.Wait wait = EcpsFlow.startLoginLasting(server, NOBODY, 600);
        URI waitUrl = URI.create(wait.waitUrl());
        int before = gauge(server);
        try (HeldWaits held = new HeldWaits(tls, waitUrl, 25)) {
            long opening = System.nanoTime();
            // In batches, as pages opening over a while do: their TLS handshakes are not what is measured.
            for (int opened = 0; opened < HELD; opened += BATCH) {
                held.open(BATCH);
            }
            awaitGauge(server, before + HELD, Duration.ofSeconds(180), held);
            System.out.printf("e-CPS national: %d waits held after %d ms%n", HELD,
                    (System.nanoTime() - opening) / 1_000_000);

            AtomicBoolean measuring = new AtomicBoolean(true);
            AtomicInteger abandoned = new AtomicInteger();
            CompletableFuture<Void> abandoning = CompletableFuture.runAsync(() -> abandonInALoop(tls, waitUrl,
                    measuring, abandoned));
            List<Double> discovery = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> sampling = CompletableFuture.runAsync(() -> sampleDiscovery(measuring, discovery));

            BenchResult logins = Bench.run(BenchOptions.parse("--base-url", server.baseUrl(),
                    "--cacert", server.caBundle().toString(), "--duration", "15", "--warmup", "5", "--concurrency", "1",
                    "--flows", "password,cps", "--cards", cards().toString()));
            int heldWhileMeasuring = gauge(server) - before;
            // The abandoning goes on until as many as held have come and gone, the sampling with it.
            long patience = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (abandoned.get() < ABANDONED && System.nanoTime() < patience) {
                Thread.sleep(200);
            }
            measuring.set(false);
            abandoning.get();
            sampling.get();

            FlowResult password = logins.flow("password");
            FlowResult card = logins.flow("cps");
            double[] discoveryMillis = percentiles(discovery);
            System.out.printf("e-CPS national: %d waits held (%d at the end of the logins' measurement), %d opened and "
                    + "abandoned meanwhile; discovery p50 %.1f ms p95 %.1f ms (%d samples); password login p50 %.1f ms "
                    + "p95 %.1f ms (%d); card login p50 %.1f ms p95 %.1f ms (%d)%n", HELD, heldWhileMeasuring,
                    abandoned.get(), discoveryMillis[0], discoveryMillis[1], discovery.size(), password.p50Ms(),
                    password.p95Ms(), password.ok(), card.p50Ms(), card.p95Ms(), card.ok());

            assertThat(abandoned.get()).as("waits abandoned while measuring").isGreaterThanOrEqualTo(ABANDONED);
            // Each held wait's 25 s bound passes during the measurement; a wait between that answer and its next poll
            // is not held for that moment, so a few may be in transit at any instant.
            assertThat(heldWhileMeasuring).as("still held while measuring").isGreaterThanOrEqualTo(HELD - 20);
            assertThat(discovery).as("discovery samples").hasSizeGreaterThan(50);
            assertThat(discoveryMillis[1]).as("discovery p95 ms").isLessThan(1000);
            assertThat(password.errors()).as("%s", password.firstErrors()).isZero();
            assertThat(card.errors()).as("%s", card.firstErrors()).isZero();
            assertThat(password.ok()).isPositive();
            assertThat(card.ok()).isPositive();
            assertThat(password.p95Ms()).as("password login p95 ms").isLessThan(1000);
            assertThat(card.p95Ms()).as("card login p95 ms").isLessThan(1000);

            // Every abandoned wait was let go: the gauge is back to the held ones alone.
            awaitGauge(server, before + HELD, Duration.ofSeconds(30), held);

            held.open(LIMIT - HELD - before);
            awaitGauge(server, LIMIT, Duration.ofSeconds(60), held);
            long refused = System.nanoTime();
            HttpResponse<String> over = server.get(wait.waitUrl() + "?wait=20", null);
            long refusedMillis = (System.nanoTime() - refused) / 1_000_000;
            System.out.printf("e-CPS national: wait past the limit of %d refused in %d ms%n", LIMIT, refusedMillis);
            assertThat(over.statusCode()).isEqualTo(503);
            assertThat(over.headers().firstValue("Retry-After")).isPresent();
            assertThat(over.body()).contains("too_many_waits");
            assertThat(refusedMillis).isLessThan(1000);
        }
        awaitGauge(server, before, Duration.ofSeconds(30), null);
    }

    /** Clients that open waits and go away, batch after batch, until told to stop. */
    private static void abandonInALoop(SSLContext tls, URI waitUrl, AtomicBoolean measuring, AtomicInteger abandoned) {
        while (measuring.get()) {
            try (HeldWaits batch = new HeldWaits(tls, waitUrl, 25)) {
                batch.open(BATCH);
                abandoned.addAndGet(batch.open());
                // Tabs closing over a while, not a flood: the measurement is of the server, not of 2 cores' handshakes.
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Discovery every 50 ms, as a monitoring probe would, until told to stop. */
    private static void sampleDiscovery(AtomicBoolean measuring, List<Double> millis) {
        try {
            while (measuring.get()) {
                long start = System.nanoTime();
                HttpResponse<String> answer = server.get(server.realmUrl() + "/.well-known/openid-configuration", null);
                if (answer.statusCode() != 200) {
                    throw new AssertionError("discovery answered " + answer.statusCode());
                }
                millis.add((System.nanoTime() - start) / 1e6);
                Thread.sleep(50);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] percentiles(List<Double> samples) {
        double[] sorted;
        synchronized (samples) {
            sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {sorted[(int) Math.ceil(0.50 * sorted.length) - 1],
                sorted[(int) Math.ceil(0.95 * sorted.length) - 1]};
    }

    private static Path cards() throws Exception {
        Path cards = Files.createDirectories(server.dataDir().resolve("national-waits-cards"));
        for (String idNat : new String[] {"899700366240", "899900000110"}) {
            Files.copy(server.dataDir().resolve("pki/cards/" + idNat + ".p12"), cards.resolve(idNat + ".p12"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return cards;
    }
}
