package org.pscfederator.bench;

import java.net.URI;
import java.util.List;

/** All flows of one run, in run order; the first is the baseline the others are compared with. */
public record BenchResult(URI baseUrl, String realm, int concurrency, int durationSeconds, int warmupSeconds,
                          List<FlowResult> flows) {

    public BenchResult {
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("a run has at least one flow");
        }
        flows = List.copyOf(flows);
    }

    public FlowResult baseline() {
        return flows.get(0);
    }

    public FlowResult flow(String name) {
        return flows.stream().filter(f -> f.flow().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no flow " + name + " in this run"));
    }

    /** The flow's rate over the baseline's; NaN when the baseline completed nothing. */
    public double ratioToBaseline(FlowResult flow) {
        double base = baseline().flowsPerSecond();
        return base > 0 ? flow.flowsPerSecond() / base : Double.NaN;
    }

    public long totalOk() {
        return flows.stream().mapToLong(FlowResult::ok).sum();
    }

    public long totalErrors() {
        return flows.stream().mapToLong(FlowResult::errors).sum();
    }
}
