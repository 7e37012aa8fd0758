package org.pscfederator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one flow with N worker threads: warm-up first (results discarded, so JIT, connection pools and
 * Keycloak's caches are warm), then the measured phase. Each worker loops on its own flow instance until
 * the deadline or until --max-flows flows were started in the phase, so every loop is bounded.
 */
final class FlowRunner {
    /** A failed flow is followed by this pause so a down server does not become a busy loop. */
    private static final long PAUSE_AFTER_ERROR_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final FlowContext context;

    FlowRunner(FlowContext context) {
        this.context = context;
    }

    FlowResult run(String flowName) throws InterruptedException {
        BenchOptions options = context.options();
        long max = options.maxFlows();
        long start = System.nanoTime();
        long warmupEnd = start + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        long measureEnd = warmupEnd + TimeUnit.SECONDS.toNanos(options.durationSeconds());
        AtomicLong warmupStarted = new AtomicLong();
        AtomicLong measuredStarted = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        ErrorLog errors = new ErrorLog();

        List<Thread> workers = new ArrayList<>();
        List<LatencyRecorder> recorders = new ArrayList<>();
        for (int i = 0; i < options.concurrency(); i++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            Thread worker = new Thread(() -> {
                Flow flow;
                try {
                    flow = FlowRegistry.create(flowName, context);
                } catch (RuntimeException e) {
                    errors.record(e);
                    return;
                }
                while (!Thread.currentThread().isInterrupted()) {
                    long t0 = System.nanoTime();
                    if (t0 - measureEnd >= 0) {
                        return;
                    }
                    boolean measuring = t0 - warmupEnd >= 0;
                    if ((measuring ? measuredStarted : warmupStarted).incrementAndGet() > max) {
                        if (measuring) {
                            return;
                        }
                        LockSupport.parkNanos(warmupEnd - t0); // warm-up quota spent: wait for the measure
                        continue;
                    }
                    try {
                        flow.run();
                        if (measuring) {
                            recorder.record(System.nanoTime() - t0);
                            ok.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        if (measuring) {
                            errors.record(e);
                        }
                        LockSupport.parkNanos(PAUSE_AFTER_ERROR_NANOS);
                    }
                }
            }, "psc-bench-" + flowName + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } finally {
            workers.forEach(Thread::interrupt);
        }
        double seconds = Math.max(System.nanoTime() - warmupEnd, 1) / 1e9;

        LatencyRecorder all = new LatencyRecorder();
        recorders.forEach(all::addAll);
        double[] p = all.percentilesMillis(50, 95, 99);
        long okCount = ok.get();
        return new FlowResult(flowName, okCount, errors.count(), seconds, okCount / seconds, p[0], p[1], p[2],
                errors.firstErrors());
    }
}
