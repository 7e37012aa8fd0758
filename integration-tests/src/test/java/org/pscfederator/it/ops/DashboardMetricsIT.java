package org.pscfederator.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboard and the Prometheus alert rules under ops/ name only metrics a running server exports: a
 * renamed metric breaks this test, not an operator's alerting on the day it is needed.
 */
@Tag("psc-operations")
@ExtendWith(SandboxServerExtension.class)
class DashboardMetricsIT {

    /** A metric name as the files use it: PSC's and Keycloak's own. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:psc|keycloak)_[a-z0-9_]+)\\b");
    private static final Pattern EXPR = Pattern.compile("^\\s*expr:\\s*(>?)\\s*(.*)$");

    @Test
    void everyMetricTheDashboardAndTheAlertsNameIsExported(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        CardBrowser.Request request = CardBrowser.Request.of(EcpsFlow.CLIENT, EcpsFlow.REDIRECT);
        CardBrowser.Outcome card = CardBrowser.withCard(server, MetricsIT.sandboxCard(server, "899700218896"))
                .loginWithCard(request);
        assertThat(card.redirected()).as(card.page()).isTrue();
        EcpsFlow.exchange(server, card.redirectParameters().get("code"), request);
        MetricsIT.ecpsLogin(server);
        CardBrowser.Outcome refused = CardBrowser.withoutCard(server).loginWithCard(request);
        assertThat(refused.page()).contains("data-reason=\"no_certificate\"");
        Set<String> named = new TreeSet<>();
        named.addAll(namedByDashboards());
        named.addAll(namedByAlerts());
        assertThat(named).as("the files name PSC's metrics").contains("psc_crl_seconds_until_refusal",
                "psc_refusals_total", "psc_ecps_approval_seconds_bucket", "psc_ecps_push_failures_total",
                "psc_logins_total");

        Scrape scrape = MetricsIT.eventually(server, s -> s.names().containsAll(named));

        assertThat(scrape.names()).containsAll(named);
    }

    private static Set<String> namedByDashboards() throws Exception {
        Set<String> names = new TreeSet<>();
        for (Path file : files("ops/grafana", ".json")) {
            List<String> exprs = new ArrayList<>();
            collectExprs(new ObjectMapper().readTree(file.toFile()), exprs);
            assertThat(exprs).as(file + " has queries").isNotEmpty();
            exprs.forEach(expr -> names.addAll(metrics(expr)));
        }
        return names;
    }

    private static void collectExprs(JsonNode node, List<String> exprs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("expr") && field.getValue().isTextual()) {
                    exprs.add(field.getValue().asText());
                } else {
                    collectExprs(field.getValue(), exprs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectExprs(child, exprs));
        }
    }

    /** The rules' expressions, one line or folded ({@code expr: >} and its indented lines). */
    private static Set<String> namedByAlerts() throws Exception {
        Set<String> names = new TreeSet<>();
        int rules = 0;
        for (Path file : files("ops/prometheus", ".yml")) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher expr = EXPR.matcher(lines.get(i));
                if (!expr.find()) {
                    continue;
                }
                rules++;
                StringBuilder text = new StringBuilder(expr.group(2));
                if (!expr.group(1).isEmpty()) {
                    int indent = indent(lines.get(i));
                    while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || indent(lines.get(i + 1)) > indent)) {
                        text.append(' ').append(lines.get(++i).strip());
                    }
                }
                names.addAll(metrics(text.toString()));
            }
        }
        assertThat(rules).as("alert rules in ops/prometheus").isGreaterThanOrEqualTo(5);
        return names;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    private static Set<String> metrics(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher metric = METRIC.matcher(expr);
        while (metric.find()) {
            names.add(metric.group(1));
        }
        return names;
    }

    private static List<Path> files(String folder, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(Launcher.repoRoot().resolve(folder))) {
            List<Path> found = files.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
            assertThat(found).as(folder).isNotEmpty();
            return found;
        }
    }
}
