package org.pscfederator.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pscfederator.cli.UsageText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code psc-bench ecps-waits}: how many e-CPS waits one node holds while it still serves everyone else. At each step
 * it holds that many wait pages' long-polls open (on a request of an identifier nobody has, so nothing answers them),
 * then measures the password login (the usual flow, warm-up and duration) with discovery sampled meanwhile. A step
 * passes with discovery p99 at most {@value #DISCOVERY_P99_GOAL_MILLIS} ms and a password-login rate at least
 * {@value #RATE_GOAL} times the rate with no waits. Then, with the largest step held that the node did not refuse,
 * e-CPS logins measure the delay from approval to the page's continuation. A first run of password logins, discarded,
 * warms the server up.
 */
@Command(name = "ecps-waits")
public final class WaitsBench implements Callable<Integer>, UsageText {

    static final double DISCOVERY_P99_GOAL_MILLIS = 100;
    static final double RATE_GOAL = 0.9;
    private static final long DISCOVERY_EVERY_MILLIS = 20;
    static final String USAGE = String.join("\n",
            "usage: psc-bench ecps-waits [options]",
            "Holds e-CPS waits on one node in steps; at each, password logins and discovery: the most waits held with",
            "discovery p99 <= 100 ms and a password rate >= 0.9 x the rate with none; then approval-to-continuation.",
            "",
            "  --steps a,b,...          waits held at each step, the first 0 (default 0,100,200,400: the sandbox holds",
            "                           at most 400, --spi-psc-ecps-waits--default--max-waits)",
            "  --wait-idnat IDNAT       identifier of the waited requests, nobody's (default 899700000977)",
            "  and the options of psc-bench (--base-url, --cacert, --duration, --warmup, --concurrency, ...)");

    @Mixin
    BenchOptions options;
    @ParentCommand
    BenchCommand root;

    private List<Integer> steps = List.of(0, 100, 200, 400);
    private String waitIdNat = "899700000977";

    @Option(names = "--steps")
    private void steps(String value) {
        List<Integer> parsed = new ArrayList<>();
        try {
            for (String step : value.split(",")) {
                parsed.add(Integer.parseInt(step.strip()));
            }
        } catch (NumberFormatException e) {
            throw new TypeConversionException("--steps: numbers separated by commas, got '" + value + "'");
        }
        if (parsed.isEmpty() || parsed.get(0) != 0 || parsed.stream().anyMatch(step -> step < 0 || step > 20_000)) {
            throw new TypeConversionException("--steps: from 0 (the baseline), each 0 to 20000, got '" + value + "'");
        }
        steps = List.copyOf(parsed);
    }

    @Option(names = "--wait-idnat")
    private void waitIdNat(String value) {
        if (!value.matches("[0-9A-Za-z]{1,20}")) {
            throw new TypeConversionException("--wait-idnat: an identifier, got '" + value + "'");
        }
        waitIdNat = value;
    }

    /** 0 done (the figures say whether the goals are met), 1 the run broke, 2 bad options. */
    public static int main(String[] args, PrintStream out, PrintStream err) {
        return Bench.subcommand("ecps-waits", args, out, err);
    }

    @Override
    public String usageText() {
        return USAGE;
    }

    /** One step's figures. */
    record Step(int asked, int held, int refused, double discoveryP50, double discoveryP99, FlowResult password) {
    }

    @Override
    public Integer call() throws Exception {
        options.check();
        FlowContext context = new FlowContext(options);
        FlowRunner runner = new FlowRunner(context);
        PrintStream out = root.out();
        PrintStream progress = root.err();
        // A just-started server gets faster for minutes (JIT): one discarded run first, so that step 0 is not the
        // slowest only for being first.
        progress.printf("psc-bench: ecps-waits: a discarded run of password logins first (%d s)...%n",
                options.warmupSeconds() + options.durationSeconds());
        runner.run(FlowRegistry.PASSWORD);
        out.println("waits  held  refused  discovery p50 ms  p99 ms   password/s  x of 0 waits  goals");
        List<Step> done = new ArrayList<>();
        Step best = null;
        for (int asked : steps) {
            progress.printf("psc-bench: ecps-waits: holding %d waits, then password logins for %d s...%n", asked,
                    options.durationSeconds());
            try (HeldWaits waits = new HeldWaits(context.trust(), newWaitUrl(context), 25)) {
                waits.open(asked);
                Step step = measure(context, runner, waits, asked);
                done.add(step);
                double ratio = step.password().flowsPerSecond() / done.get(0).password().flowsPerSecond();
                boolean passes = step.discoveryP99() <= DISCOVERY_P99_GOAL_MILLIS && ratio >= RATE_GOAL;
                if (passes && step.refused() == 0) {
                    best = step;
                }
                out.printf(Locale.ROOT, "%5d %5d %8d %17.1f %7.1f %12.2f %13.2f  %s%n", asked, step.held(),
                        step.refused(), step.discoveryP50(), step.discoveryP99(), step.password().flowsPerSecond(),
                        ratio, passes ? "met" : "not met");
            }
        }
        out.printf(Locale.ROOT, "ecps-waits: one node held %d waits with discovery p99 <= %.0f ms and password logins "
                + ">= %.1f x their rate with none%n", best == null ? 0 : best.held(), DISCOVERY_P99_GOAL_MILLIS,
                RATE_GOAL);
        // The continuation under the most waits the node held without refusing one, goals met or not.
        int held = done.stream().filter(step -> step.refused() == 0).mapToInt(Step::asked).max().orElse(0);
        progress.printf("psc-bench: ecps-waits: e-CPS logins with %d waits held...%n", held);
        try (HeldWaits waits = new HeldWaits(context.trust(), newWaitUrl(context), 25)) {
            waits.open(held);
            FlowResult ecps = runner.run(FlowRegistry.ECPS);
            double[] p = EcpsLoginFlow.continuations().percentilesMillis(50, 95, 99);
            out.printf(Locale.ROOT, "ecps-waits: %d e-CPS logins with %d waits held (%d errors): approval to page "
                    + "continuation p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", ecps.ok(), waits.open(), ecps.errors(),
                    p[0], p[1], p[2]);
        }
        out.flush();
        return 0;
    }

    private Step measure(FlowContext context, FlowRunner runner, HeldWaits waits, int asked) throws Exception {
        LatencyRecorder discovery = new LatencyRecorder();
        HttpClient http = context.newHttpClient();
        URI document = URI.create(options.baseUrl() + "/realms/" + options.realm()
                + "/.well-known/openid-configuration");
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> answer = context.send(http, HttpRequest.newBuilder(document).GET());
                    if (answer.statusCode() == 200) {
                        discovery.record(System.nanoTime() - start);
                    }
                    Thread.sleep(DISCOVERY_EVERY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a failed sample is no latency; the password flow's errors say what broke
                }
            }
        }, "discovery-sampler");
        sampler.setDaemon(true);
        sampler.start();
        FlowResult password;
        try {
            password = runner.run(FlowRegistry.PASSWORD);
        } finally {
            sampler.interrupt();
            sampler.join(10_000);
        }
        double[] p = discovery.count() == 0 ? new double[] {Double.NaN, Double.NaN}
                : discovery.percentilesMillis(50, 99);
        return new Step(asked, waits.open(), waits.refusedBusy(), p[0], p[1], password);
    }

    /** A new request of the waited identifier: its wait page's long-poll URL. */
    private URI newWaitUrl(FlowContext context) throws Exception {
        SecureRandom random = new SecureRandom();
        URI authorize = EcpsLoginFlow.authorizeUri(options, Pkce.randomToken(random), Pkce.randomToken(random), random);
        return EcpsLoginFlow.waitUrl(EcpsLoginFlow.waitPage(context, context.newHttpClient(), authorize,
                new CookieJar(), waitIdNat));
    }
}
