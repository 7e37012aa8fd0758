package org.pscfederator.bench;

import java.util.Arrays;

/**
 * Flow latencies of one worker, kept exactly (8 bytes each; --max-flows bounds the count) so percentiles
 * are true ones, not bucket estimates. Not thread-safe: one per worker, merged after the run.
 */
public final class LatencyRecorder {
    private long[] nanos = new long[1024];
    private int size;

    public void record(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[size++] = latencyNanos;
    }

    public void addAll(LatencyRecorder other) {
        for (int i = 0; i < other.size; i++) {
            record(other.nanos[i]);
        }
    }

    public int count() {
        return size;
    }

    /**
     * The nearest-rank percentile in milliseconds: the smallest sample with at least {@code percent}% of
     * the samples at or below it. NaN when there are no samples.
     */
    public double percentileMillis(double percent) {
        return percentilesMillis(percent)[0];
    }

    /** Several percentiles from one sort. */
    public double[] percentilesMillis(double... percents) {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        double[] out = new double[percents.length];
        for (int i = 0; i < percents.length; i++) {
            if (percents[i] <= 0 || percents[i] > 100) {
                throw new IllegalArgumentException("percentile out of (0, 100]: " + percents[i]);
            }
            if (size == 0) {
                out[i] = Double.NaN;
                continue;
            }
            int rank = (int) Math.ceil(percents[i] / 100.0 * size);
            out[i] = sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
        }
        return out;
    }
}
