package org.pscfederator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static final FlowResult PASSWORD =
            new FlowResult("password", 1000, 0, 10.0, 100.0, 40.0, 80.5, 120.25, List.of());
    private static final FlowResult CPS = new FlowResult("cps", 1230, 3, 10.0, 123.0, 30.0, 60.0, 90.0,
            List.of(new FlowResult.ErrorCount("login page: HTTP 502", 2),
                    new FlowResult.ErrorCount("token endpoint: HTTP 400 invalid_grant", 1)));

    private static BenchResult result(FlowResult... flows) {
        return new BenchResult(URI.create("https://localhost:8443/auth"), "esante-wallet", 8, 10, 5, List.of(flows));
    }

    @Test
    void ratioIsTheRateOverTheFirstFlows() {
        BenchResult result = result(PASSWORD, CPS);
        assertThat(result.baseline()).isEqualTo(PASSWORD);
        assertThat(result.ratioToBaseline(CPS)).isEqualTo(1.23);
        assertThat(result.ratioToBaseline(PASSWORD)).isEqualTo(1.0);
        assertThat(result.totalOk()).isEqualTo(2230);
        assertThat(result.totalErrors()).isEqualTo(3);
    }

    @Test
    void reportHasOneLinePerFlowAndRatiosForTheOthers() {
        String[] lines = BenchReport.text(result(PASSWORD, CPS)).split("\n");
        assertThat(lines[0]).contains("https://localhost:8443/auth", "esante-wallet", "concurrency 8", "10 s", "5 s warm-up");
        assertThat(lines[1].split("\\s+")).containsExactly("flow", "ok", "errors", "flows/s", "p50", "ms", "p95", "ms",
                "p99", "ms");
        assertThat(lines[2].split("\\s+")).containsExactly("password", "1000", "0", "100.00", "40.0", "80.5", "120.3");
        assertThat(lines[3]).endsWith("x1.23 of password");
        assertThat(lines[3].split("\\s+")).startsWith("cps", "1230", "3", "123.00", "30.0", "60.0", "90.0");
        assertThat(lines[4]).isEqualTo("  cps error x2: login page: HTTP 502");
        assertThat(lines[5]).isEqualTo("  cps error x1: token endpoint: HTTP 400 invalid_grant");
        assertThat(lines).hasSize(6);
    }

    @Test
    void flowWithoutSuccessShowsDashesAndNoRatio() {
        FlowResult dead = new FlowResult("password", 0, 645, 1.0, 0.0, Double.NaN, Double.NaN, Double.NaN,
                List.of(new FlowResult.ErrorCount("cannot connect to localhost:8443", 640)));
        String report = BenchReport.text(result(dead, CPS));
        assertThat(report).contains("password             0     645      0.00         -         -         -");
        assertThat(report).contains("(no ratio: password completed nothing)");
        assertThat(report).contains("  password: 5 more errors with other messages");
    }

    @Test
    void jsonSummaryIsOneParsableLine() throws Exception {
        FlowResult dead = new FlowResult("cps", 0, 1, 1.0, 0.0, Double.NaN, Double.NaN, Double.NaN, List.of());
        String json = BenchReport.json(result(PASSWORD, CPS, dead));
        assertThat(json).doesNotContain("\n");
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("baseline").asText()).isEqualTo("password");
        assertThat(root.get("concurrency").asInt()).isEqualTo(8);
        JsonNode flows = root.get("flows");
        assertThat(flows).hasSize(3);
        assertThat(flows.get(0).get("flowsPerSecond").asDouble()).isEqualTo(100.0);
        assertThat(flows.get(0).get("p99Ms").asDouble()).isEqualTo(120.25);
        assertThat(flows.get(1).get("ratioToBaseline").asDouble()).isEqualTo(1.23);
        assertThat(flows.get(1).get("firstErrors").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(flows.get(2).get("p50Ms").isNull()).isTrue();
    }
}
