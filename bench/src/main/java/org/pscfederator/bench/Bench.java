package org.pscfederator.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pscfederator.bench.directory.DirectoryBench;

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
    static int main(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("directory")) {
            return DirectoryBench.main(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        BenchOptions options;
        BenchResult result;
        try {
            options = BenchOptions.parse(args);
            if (options.help()) {
                out.println(BenchOptions.USAGE);
                return 0;
            }
            result = run(options, err);
        } catch (BadOptionsException e) {
            err.println("psc-bench: error: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("psc-bench: error: interrupted");
            return 1;
        } catch (RuntimeException e) {
            err.println("psc-bench: error: " + ErrorLog.describe(e));
            return 1;
        }
        out.print(BenchReport.text(result));
        if (EcpsLoginFlow.continuations().count() > 0) {
            double[] p = EcpsLoginFlow.continuations().percentilesMillis(50, 95, 99);
            out.printf(java.util.Locale.ROOT, "ecps: approval to page continuation over %d logins (warm-up included):"
                    + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", EcpsLoginFlow.continuations().count(), p[0], p[1], p[2]);
        }
        if (options.json()) {
            out.println(BenchReport.json(result));
        }
        out.flush();
        if (result.totalOk() == 0) {
            FlowResult.ErrorCount first = result.flows().stream().flatMap(f -> f.firstErrors().stream())
                    .findFirst().orElse(null);
            err.println("psc-bench: error: " + (result.totalErrors() == 0 ? "no flow completed"
                    : "every flow attempt failed (" + result.totalErrors() + ")")
                    + (first == null ? "" : "; first error: " + first.message()));
            return 1;
        }
        return 0;
    }

    /**
     * Runs the flows of {@code options} one after the other and returns the figures; the API for tests.
     *
     * @throws BadOptionsException when the trust bundle cannot be read
     */
    public static BenchResult run(BenchOptions options) throws InterruptedException {
        return run(options, null);
    }

    private static BenchResult run(BenchOptions options, PrintStream progress) throws InterruptedException {
        FlowContext context = new FlowContext(options);
        FlowRunner runner = new FlowRunner(context);
        List<FlowResult> results = new ArrayList<>();
        for (String flow : options.flows()) {
            if (progress != null) {
                progress.printf("psc-bench: %s: %d s warm-up, then %d s measured, concurrency %d...%n", flow,
                        options.warmupSeconds(), options.durationSeconds(), options.concurrency());
            }
            results.add(runner.run(flow));
        }
        return new BenchResult(options.baseUrl(), options.realm(), options.concurrency(), options.durationSeconds(),
                options.warmupSeconds(), results);
    }
}
