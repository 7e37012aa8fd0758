package org.pscfederator.bench.directory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;


import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;

import org.pscfederator.bench.LatencyRecorder;
import org.pscfederator.directory.PscUserInfoClaims;
import org.pscfederator.directorystore.DirectoryEntry;
import org.pscfederator.directorystore.DirectoryStore;

/**
 * The claims phase: concurrent workers each take a random idNat, read its directory lines through a pooled
 * connection (Agroal, Keycloak's pool) and build and serialise its PSC claims, which is the work the userinfo mapper
 * adds to a userinfo request. Latency is that whole step, per idNat.
 */
final class ClaimsRun {

    record Figures(long lookups, long errors, double seconds, double lookupsPerSecond, double p50Millis,
            double p95Millis, double p99Millis, String firstError) {
    }

    private ClaimsRun() {
    }

    static Figures run(DirectoryBenchOptions options, List<String> idNats) throws Exception {
        try (AgroalDataSource pool = pool(options)) {
            DirectoryStore store = new DirectoryStore(pool);
            phase(store, idNats, options, Duration.ofSeconds(options.warmupSeconds()), 1);
            return phase(store, idNats, options, Duration.ofSeconds(options.durationSeconds()), 2);
        }
    }

    private static Figures phase(DirectoryStore store, List<String> idNats, DirectoryBenchOptions options,
            Duration length, long seed) throws Exception {
        if (length.isZero()) {
            return new Figures(0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, null);
        }
        ObjectMapper json = new ObjectMapper();
        AtomicLong started = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> firstError = new ArrayList<>(1);
        ExecutorService workers = Executors.newFixedThreadPool(options.concurrency());
        long begin = System.nanoTime();
        long deadline = begin + length.toNanos();
        List<Future<LatencyRecorder>> results = new ArrayList<>();
        for (int w = 0; w < options.concurrency(); w++) {
            SplittableRandom random = new SplittableRandom(seed * 1000 + w);
            results.add(workers.submit(() -> {
                LatencyRecorder latencies = new LatencyRecorder();
                while (System.nanoTime() < deadline && started.incrementAndGet() <= options.maxLookups()) {
                    String idNat = idNats.get(random.nextInt(idNats.size()));
                    long t0 = System.nanoTime();
                    try {
                        byte[] claims = json.writeValueAsBytes(claimsOf(store, idNat));
                        if (claims.length < 100) {
                            throw new IllegalStateException("claims of " + idNat + " are too short to be whole");
                        }
                        latencies.record(System.nanoTime() - t0);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError.isEmpty()) {
                                firstError.add(e.toString());
                            }
                        }
                    }
                }
                return latencies;
            }));
        }
        LatencyRecorder all = new LatencyRecorder();
        for (Future<LatencyRecorder> result : results) {
            all.addAll(result.get());
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        workers.shutdown();
        double[] p = all.percentilesMillis(50, 95, 99);
        return new Figures(all.count(), errors.get(), seconds, all.count() / seconds, p[0], p[1], p[2],
                firstError.isEmpty() ? null : firstError.get(0));
    }

    private static Map<String, Object> claimsOf(DirectoryStore store, String idNat) throws SQLException {
        List<DirectoryEntry> entries = store.entries(idNat);
        if (entries.isEmpty()) {
            throw new IllegalStateException("idNat " + idNat + " is not in the directory");
        }
        List<List<String>> lines = new ArrayList<>(entries.size());
        for (DirectoryEntry entry : entries) {
            lines.add(entry.fields());
        }
        return PscUserInfoClaims.of(lines);
    }

    private static AgroalDataSource pool(DirectoryBenchOptions options) throws SQLException {
        String password = System.getenv("PSC_DB_PASSWORD");
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(options.concurrency())
                        .minSize(options.concurrency()).initialSize(options.concurrency())
                        .acquisitionTimeout(Duration.ofSeconds(10))
                        .connectionFactoryConfiguration(factory -> {
                            factory.jdbcUrl(options.dbUrl());
                            if (options.dbUsername() != null) {
                                factory.principal(new NamePrincipal(options.dbUsername()));
                            }
                            if (password != null) {
                                factory.credential(new SimplePassword(password));
                            }
                            return factory;
                        })));
    }
}
