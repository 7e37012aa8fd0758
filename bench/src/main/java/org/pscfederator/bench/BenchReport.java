package org.pscfederator.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** Formats a {@link BenchResult}: an aligned table for people, one JSON line for scripts. */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW = "%-12s %9s %7s %9s %9s %9s %9s%s";

    private BenchReport() {
    }

    public static String text(BenchResult result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "psc-bench: %s realm %s, concurrency %d, %d s per flow after %d s warm-up%n",
                result.baseUrl(), result.realm(), result.concurrency(), result.durationSeconds(),
                result.warmupSeconds()));
        out.append(String.format(Locale.ROOT, ROW + "%n", "flow", "ok", "errors", "flows/s", "p50 ms", "p95 ms",
                "p99 ms", ""));
        for (FlowResult flow : result.flows()) {
            String ratio = "";
            if (flow != result.baseline()) {
                double r = result.ratioToBaseline(flow);
                ratio = Double.isNaN(r) ? "  (no ratio: " + result.baseline().flow() + " completed nothing)"
                        : String.format(Locale.ROOT, "  x%.2f of %s", r, result.baseline().flow());
            }
            out.append(String.format(Locale.ROOT, ROW + "%n", flow.flow(), flow.ok(), flow.errors(),
                    String.format(Locale.ROOT, "%.2f", flow.flowsPerSecond()),
                    millis(flow.p50Ms()), millis(flow.p95Ms()), millis(flow.p99Ms()), ratio));
        }
        for (FlowResult flow : result.flows()) {
            for (FlowResult.ErrorCount error : flow.firstErrors()) {
                out.append(String.format(Locale.ROOT, "  %s error x%d: %s%n", flow.flow(), error.count(),
                        error.message()));
            }
            long shown = flow.firstErrors().stream().mapToLong(FlowResult.ErrorCount::count).sum();
            if (flow.errors() > shown) {
                out.append(String.format(Locale.ROOT, "  %s: %d more errors with other messages%n", flow.flow(),
                        flow.errors() - shown));
            }
        }
        return out.toString();
    }

    /** The summary as one line of JSON; figures with no value (no successful flow) are null. */
    public static String json(BenchResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("baseUrl", result.baseUrl().toString());
        root.put("realm", result.realm());
        root.put("concurrency", result.concurrency());
        root.put("durationSeconds", result.durationSeconds());
        root.put("warmupSeconds", result.warmupSeconds());
        root.put("baseline", result.baseline().flow());
        ArrayNode flows = root.putArray("flows");
        for (FlowResult flow : result.flows()) {
            ObjectNode f = flows.addObject();
            f.put("flow", flow.flow());
            f.put("ok", flow.ok());
            f.put("errors", flow.errors());
            number(f, "seconds", round(flow.seconds(), 3));
            number(f, "flowsPerSecond", round(flow.flowsPerSecond(), 3));
            number(f, "p50Ms", round(flow.p50Ms(), 3));
            number(f, "p95Ms", round(flow.p95Ms(), 3));
            number(f, "p99Ms", round(flow.p99Ms(), 3));
            number(f, "ratioToBaseline", round(result.ratioToBaseline(flow), 4));
            ArrayNode errors = f.putArray("firstErrors");
            for (FlowResult.ErrorCount error : flow.firstErrors()) {
                errors.addObject().put("message", error.message()).put("count", error.count());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static String millis(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    private static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
