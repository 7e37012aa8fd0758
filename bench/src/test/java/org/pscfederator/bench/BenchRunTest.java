package org.pscfederator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole bench against {@link FakeKeycloak}: threads, timing, bounds, figures and exit codes. */
class BenchRunTest {
    private FakeKeycloak keycloak;

    @BeforeEach
    void start() throws Exception {
        keycloak = new FakeKeycloak();
    }

    @AfterEach
    void stop() {
        keycloak.close();
    }

    @Test
    void passwordFlowIsMeasuredForTheDuration() throws Exception {
        BenchResult result = Bench.run(BenchOptions.parse("--base-url", keycloak.baseUrl(), "--duration", "1",
                "--warmup", "0", "--concurrency", "3"));
        FlowResult password = result.flow("password");
        assertThat(password.errors()).isZero();
        assertThat(password.ok()).isPositive();
        assertThat(password.flowsPerSecond()).isPositive();
        assertThat(password.seconds()).isBetween(0.9, 5.0);
        assertThat(password.p50Ms()).isPositive().isLessThanOrEqualTo(password.p95Ms());
        assertThat(password.p95Ms()).isLessThanOrEqualTo(password.p99Ms());
    }

    @Test
    void maxFlowsBoundsTheMeasuredFlows() throws Exception {
        BenchResult result = Bench.run(BenchOptions.parse("--base-url", keycloak.baseUrl(), "--duration", "30",
                "--warmup", "1", "--concurrency", "4", "--max-flows", "7"));
        assertThat(result.baseline().ok()).isEqualTo(7);
        assertThat(result.baseline().seconds()).isLessThan(10);
    }

    @Test
    void wrongPasswordIsCountedWithKeycloaksMessageAndExits1() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Bench.main(new String[] {"--base-url", keycloak.baseUrl(), "--duration", "1", "--warmup", "0",
                "--concurrency", "2", "--password", "wrong"}, printer(out), printer(err));
        assertThat(code).isEqualTo(1);
        assertThat(text(out)).contains("password error x").contains("login POST: HTTP 200 instead of a redirect "
                + "(Keycloak says: Invalid username or password.)");
        assertThat(text(err)).contains("psc-bench: error: every flow attempt failed").doesNotContain("\tat ");
    }

    @Test
    void wrongSecretShowsTheTokenError() throws Exception {
        BenchResult result = Bench.run(BenchOptions.parse("--base-url", keycloak.baseUrl(), "--duration", "1",
                "--warmup", "0", "--concurrency", "1", "--client-secret", "nope"));
        assertThat(result.totalOk()).isZero();
        assertThat(result.baseline().firstErrors()).extracting(FlowResult.ErrorCount::message)
                .containsExactly("token endpoint: HTTP 401 unauthorized_client");
    }

    @Test
    void successfulRunPrintsTheTableAndJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Bench.main(new String[] {"--base-url", keycloak.baseUrl(), "--duration", "1", "--warmup", "0",
                "--concurrency", "1", "--json"}, printer(out), printer(new ByteArrayOutputStream()));
        assertThat(code).isZero();
        String[] lines = text(out).split("\n");
        assertThat(lines[2]).startsWith("password ");
        assertThat(lines[lines.length - 1]).startsWith("{\"baseUrl\":").contains("\"flow\":\"password\"");
    }

    @Test
    void badOptionsPrintOneLineAndExit2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Bench.main(new String[] {"--base-url", "https://keycloak.example.org/auth"},
                printer(new ByteArrayOutputStream()), printer(err));
        assertThat(code).isEqualTo(2);
        assertThat(text(err)).startsWith("psc-bench: error: --base-url host keycloak.example.org")
                .hasLineCount(1);
    }

    @Test
    void helpListsTheOptionsAndExits0() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Bench.main(new String[] {"--help"}, printer(out), printer(new ByteArrayOutputStream()))).isZero();
        assertThat(text(out)).startsWith("usage: psc-bench");
    }

    private static PrintStream printer(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
