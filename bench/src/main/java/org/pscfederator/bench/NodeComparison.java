package org.pscfederator.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.pscfederator.bench.cluster.HaproxyRuntime;

/**
 * The same flows on one node and on every node of a {@code bin/psc-cluster} cluster, behind the same HAProxy, in
 * one run: first with every node but the first drained through HAProxy's admin socket (rows {@code flow@1}, the
 * first the baseline), then with all of them back in the rotation ({@code flow@N}). The nodes are put back in the
 * rotation however the run ends.
 */
final class NodeComparison {

    private final FlowRunner runner;
    private final BenchOptions options;
    private final PrintStream progress;
    private final HaproxyRuntime balancer;

    NodeComparison(FlowRunner runner, BenchOptions options, PrintStream progress) {
        this.runner = runner;
        this.options = options;
        this.progress = progress;
        this.balancer = new HaproxyRuntime(options.haproxySocket());
    }

    List<FlowResult> run() throws InterruptedException {
        List<String> nodes = up();
        List<FlowResult> results = new ArrayList<>();
        try {
            for (String node : nodes.subList(1, nodes.size())) {
                balancer.setState(node, "drain");
            }
            results.addAll(runAll(1));
        } catch (IOException e) {
            throw new UncheckedIOException("HAProxy's admin socket: " + e.getMessage(), e);
        } finally {
            ready(nodes);
        }
        results.addAll(runAll(nodes.size()));
        return results;
    }

    /** The nodes HAProxy has up; a comparison needs two at least. */
    private List<String> up() {
        try {
            List<String> names = balancer.nodes().stream().filter(node -> node.status().startsWith("UP"))
                    .map(HaproxyRuntime.Node::name).toList();
            if (names.size() < 2) {
                throw new IllegalArgumentException("--haproxy-socket: HAProxy has " + names.size()
                        + " node(s) up; comparing one node with all needs two at least");
            }
            return names;
        } catch (IOException e) {
            throw new IllegalArgumentException("--haproxy-socket " + options.haproxySocket() + ": " + e.getMessage(),
                    e);
        }
    }

    private void ready(List<String> nodes) {
        for (String node : nodes) {
            try {
                balancer.setState(node, "ready");
            } catch (IOException e) {
                if (progress != null) {
                    progress.println("psc-bench: cannot put " + node + " back in HAProxy's rotation: "
                            + e.getMessage());
                }
            }
        }
    }

    private List<FlowResult> runAll(int nodeCount) throws InterruptedException {
        List<FlowResult> results = new ArrayList<>();
        for (String flow : options.flows()) {
            if (progress != null) {
                progress.printf("psc-bench: %s on %d node(s): %d s warm-up, then %d s measured, concurrency %d...%n",
                        flow, nodeCount, options.warmupSeconds(), options.durationSeconds(), options.concurrency());
            }
            FlowResult result = runner.run(flow);
            results.add(new FlowResult(flow + "@" + nodeCount, result.ok(), result.errors(), result.seconds(),
                    result.flowsPerSecond(), result.p50Ms(), result.p95Ms(), result.p99Ms(), result.firstErrors()));
        }
        return results;
    }
}
