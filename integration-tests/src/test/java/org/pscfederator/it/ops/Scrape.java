package org.pscfederator.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pscfederator.it.harness.SandboxServer;

/** One reading of the management port's {@code /auth/metrics}, in Prometheus' text format, as a scraper reads it. */
record Scrape(String body, Map<String, Map<Map<String, String>, Double>> series) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape of(SandboxServer server) throws Exception {
        HttpResponse<String> response = server.get(server.managementUrl() + "/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return parse(response.body());
    }

    static Scrape parse(String body) {
        Map<String, Map<Map<String, String>, Double>> series = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            double value;
            try {
                value = Double.parseDouble(sample.group(4));
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            series.computeIfAbsent(sample.group(1), name -> new LinkedHashMap<>()).put(labels, value);
        }
        return new Scrape(body, series);
    }

    /** The sum of the series of {@code name} whose labels include {@code labels}; 0 when there is none. */
    double value(String name, Map<String, String> labels) {
        return series.getOrDefault(name, Map.of()).entrySet().stream()
                .filter(entry -> entry.getKey().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** The value of the one series of {@code name} with exactly these labels among those given; null when absent. */
    Double single(String name, Map<String, String> labels) {
        var matching = series.getOrDefault(name, Map.of()).entrySet().stream()
                .filter(entry -> entry.getKey().entrySet().containsAll(labels.entrySet())).toList();
        assertThat(matching.size()).as(name + " " + labels + " series").isLessThanOrEqualTo(1);
        return matching.isEmpty() ? null : matching.get(0).getValue();
    }

    /** Every metric name exported, histograms also by their base name. */
    Set<String> names() {
        Set<String> names = new TreeSet<>(series.keySet());
        for (String name : series.keySet()) {
            for (String suffix : new String[] {"_bucket", "_count", "_sum", "_max"}) {
                if (name.endsWith(suffix)) {
                    names.add(name.substring(0, name.length() - suffix.length()));
                }
            }
        }
        return names;
    }

    /** Every label value of every series but a histogram's bounds: what must never hold an identifier. */
    Set<String> labelValues() {
        Set<String> values = new TreeSet<>();
        series.values().forEach(byLabels -> byLabels.keySet().forEach(labels -> labels.forEach((name, value) -> {
            if (!name.equals("le") && !name.equals("quantile")) {
                values.add(value);
            }
        })));
        return values;
    }
}
