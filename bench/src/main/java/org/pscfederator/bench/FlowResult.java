package org.pscfederator.bench;

import java.util.List;

/**
 * The figures of one flow's measured phase.
 *
 * @param seconds       measured wall time, from the end of warm-up to the last worker's stop
 * @param flowsPerSecond completed (successful) flows per second
 * @param p50Ms         latency of a whole successful flow, milliseconds; NaN when none succeeded
 * @param firstErrors   the first distinct error messages (at most 5) with how often each occurred
 */
public record FlowResult(String flow, long ok, long errors, double seconds, double flowsPerSecond,
                         double p50Ms, double p95Ms, double p99Ms, List<ErrorCount> firstErrors) {

    public FlowResult {
        firstErrors = List.copyOf(firstErrors);
    }

    public record ErrorCount(String message, long count) {
    }
}
