package org.pscfederator.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.pscfederator.cli.ToolRunner;

/**
 * {@code psc-bench}: runs each selected flow against a running Keycloak for a fixed time and prints
 * completed flows per second and whole-flow latency percentiles, the first flow being the baseline.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) {
        System.exit(main(args, System.out, System.err));
    }

    /** The command without {@code System.exit}: 0 done, 1 every flow failed or the run broke, 2 bad options. */
    public static int main(String[] args, PrintStream out, PrintStream err) {
        return ToolRunner.run(new BenchCommand(out, err), out, err, args);
    }

    /** One of the subcommands ({@code directory}, {@code ecps-waits}) with its own arguments, as {@link #main}. */
    public static int subcommand(String name, String[] args, PrintStream out, PrintStream err) {
        String[] command = new String[args.length + 1];
        command[0] = name;
        System.arraycopy(args, 0, command, 1, args.length);
        return main(command, out, err);
    }

    /**
     * Runs the flows of {@code options} one after the other and returns the figures; the API for tests.
     *
     * @throws IllegalArgumentException when the trust bundle cannot be read
     */
    public static BenchResult run(BenchOptions options) throws InterruptedException {
        return run(options, null);
    }

    static BenchResult run(BenchOptions options, PrintStream progress) throws InterruptedException {
        FlowContext context = new FlowContext(options);
        FlowRunner runner = new FlowRunner(context);
        List<FlowResult> results = new ArrayList<>();
        if (options.haproxySocket() != null) {
            results.addAll(new NodeComparison(runner, options, progress).run());
        } else {
            for (String flow : options.flows()) {
                if (progress != null) {
                    progress.printf("psc-bench: %s: %d s warm-up, then %d s measured, concurrency %d...%n", flow,
                            options.warmupSeconds(), options.durationSeconds(), options.concurrency());
                }
                results.add(runner.run(flow));
            }
        }
        return new BenchResult(options.baseUrl(), options.realm(), options.concurrency(), options.durationSeconds(),
                options.warmupSeconds(), results);
    }
}
