package org.pscfederator.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pscfederator.it.harness.Launcher;

/**
 * One alert of ops/prometheus/psc-alerts.yml whose expression is a conjunction of {@code sum(rate(METRIC{...}[W])) >
 * N} terms, evaluated on two scrapes of the server as Prometheus would between them (its {@code for:} aside). An
 * expression of another shape is not guessed at: the test says so and fails, to be taught the new shape.
 */
record AlertRule(String name, String expr, List<Term> terms) {

    private static final Pattern TERM = Pattern.compile(
            "sum\\(rate\\(([a-z_:][a-z0-9_:]*)(?:\\{([^}]*)})?\\[([0-9]+[smh])]\\)\\)\\s*>\\s*([0-9.]+)");
    private static final Pattern MATCHER = Pattern.compile("([a-z_]+)\\s*=\\s*\"([^\"]*)\"");

    /** {@code sum(rate(metric{labels}[window])) > threshold}. */
    record Term(String metric, Map<String, String> labels, String window, double threshold) {
    }

    static AlertRule named(String alert) throws Exception {
        List<String> lines = Files.readAllLines(Launcher.repoRoot().resolve("ops/prometheus/psc-alerts.yml"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("- alert: " + alert)) {
                String expr = lines.get(i + 1).strip();
                assertThat(expr).as(alert + "'s expression, on the line after its name").startsWith("expr: ");
                return parse(alert, expr.substring("expr: ".length()).strip());
            }
        }
        throw new AssertionError("no alert " + alert + " in ops/prometheus/psc-alerts.yml");
    }

    static AlertRule parse(String name, String expr) {
        List<Term> terms = new java.util.ArrayList<>();
        for (String part : expr.split("\\s+and\\s+")) {
            Matcher term = TERM.matcher(part.strip());
            assertThat(term.matches()).as("a term this test evaluates, sum(rate(METRIC[W])) > N, not: " + part)
                    .isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (term.group(2) != null) {
                Matcher matcher = MATCHER.matcher(term.group(2));
                while (matcher.find()) {
                    labels.put(matcher.group(1), matcher.group(2));
                }
            }
            terms.add(new Term(term.group(1), labels, term.group(3), Double.parseDouble(term.group(4))));
        }
        return new AlertRule(name, expr, List.copyOf(terms));
    }

    /** Whether every term holds between the two scrapes, {@code seconds} apart. */
    boolean firesBetween(Scrape before, Scrape after, double seconds) {
        return terms.stream().allMatch(term -> (after.value(term.metric(), term.labels())
                - before.value(term.metric(), term.labels())) / seconds > term.threshold());
    }
}
