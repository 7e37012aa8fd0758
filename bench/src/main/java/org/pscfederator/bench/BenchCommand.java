package org.pscfederator.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pscfederator.bench.directory.DirectoryBench;
import org.pscfederator.cli.UsageText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code psc-bench [options]}: the login flows, their figures on stdout; {@code psc-bench directory} for the
 * directory's, {@code psc-bench ecps-waits} for the e-CPS waits a node holds. Exit code 0 done, 1 every flow failed or the run broke, 2 bad options.
 */
@Command(name = "psc-bench", subcommands = {DirectoryBench.class, WaitsBench.class})
public final class BenchCommand implements Callable<Integer>, UsageText {

    @Mixin
    BenchOptions options;
    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Where the figures go. */
    public PrintStream out() {
        return out;
    }

    /** Where progress and errors go. */
    public PrintStream err() {
        return err;
    }

    @Override
    public String usageText() {
        return BenchOptions.USAGE;
    }

    @Override
    public Integer call() throws InterruptedException {
        options.check();
        BenchResult result = Bench.run(options, err);
        out.print(BenchReport.text(result));
        if (EcpsLoginFlow.continuations().count() > 0) {
            double[] p = EcpsLoginFlow.continuations().percentilesMillis(50, 95, 99);
            out.printf(Locale.ROOT, "ecps: approval to page continuation over %d logins (warm-up included):"
                    + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", EcpsLoginFlow.continuations().count(), p[0], p[1],
                    p[2]);
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
}
