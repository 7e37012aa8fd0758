package org.pscfederator.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.bench.Bench;
import org.pscfederator.bench.BenchOptions;
import org.pscfederator.bench.BenchResult;
import org.pscfederator.bench.FlowResult;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

/**
 * Benchmark baseline (bin/psc-bench against the sandbox): the password login of the sandbox's
 * baseline user, with code exchange, completes against the real server. Figures are for the closing note, from
 * bin/psc-bench; this only shows the flow works end to end.
 */
@Tag("bench")
@ExtendWith(SandboxServerExtension.class)
class BenchBaselineIT {

    @Test
    void passwordLoginBaselineCompletesAgainstTheSandbox(SandboxServer server) throws Exception {
        BenchResult result = Bench.run(BenchOptions.parse("--base-url", server.baseUrl(),
                "--cacert", server.caBundle().toString(), "--duration", "3", "--warmup", "1", "--concurrency", "2"));

        FlowResult password = result.flow("password");
        assertThat(password.errors()).as("errors: %s", password.firstErrors()).isZero();
        assertThat(password.ok()).isPositive();
        assertThat(password.flowsPerSecond()).isPositive();
        assertThat(password.p50Ms()).isLessThanOrEqualTo(password.p95Ms());
        assertThat(password.p95Ms()).isLessThanOrEqualTo(password.p99Ms());
    }

    /** Benchmark: CPS card logins per second, beside the password-login baseline in the same run. */
    @Test
    void cardLoginFlowCompletesBesideThePasswordBaseline(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        // Only sandbox identities' cards: other tests issue refused cards into the same folder.
        Path cards = Files.createDirectories(server.dataDir().resolve("bench-cards"));
        for (String idNat : new String[] {"899700366240", "899900000110", "0759960011", "899900000516"}) {
            Files.copy(server.dataDir().resolve("pki/cards/" + idNat + ".p12"), cards.resolve(idNat + ".p12"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        BenchResult result = Bench.run(BenchOptions.parse("--base-url", server.baseUrl(),
                "--cacert", server.caBundle().toString(), "--duration", "3", "--warmup", "1", "--concurrency", "2",
                "--flows", "password,cps", "--cards", cards.toString()));

        FlowResult cps = result.flow("cps");
        assertThat(cps.errors()).as("errors: %s", cps.firstErrors()).isZero();
        assertThat(cps.ok()).isPositive();
        assertThat(result.ratioToBaseline(cps)).isPositive();
    }

    /** Benchmark: code exchange and refresh per second with ORG mutual TLS, against the same with a client secret. */
    @Test
    void relyingServiceFlowsCompleteWithTheSecretAndWithTheOrgCertificate(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        Path cards = Files.createDirectories(server.dataDir().resolve("bench-cards-rp"));
        Files.copy(server.dataDir().resolve("pki/cards/899700366240.p12"), cards.resolve("899700366240.p12"),
                StandardCopyOption.REPLACE_EXISTING);
        BenchResult result = Bench.run(BenchOptions.parse("--base-url", server.baseUrl(),
                "--cacert", server.caBundle().toString(), "--duration", "2", "--warmup", "1", "--concurrency", "2",
                "--flows", "secret-exchange,mtls-exchange,secret-refresh,mtls-refresh", "--cards", cards.toString(),
                "--rp-cert", server.dataDir().resolve("pki/clients/sandbox-rp.p12").toString()));

        for (String flow : new String[] {"secret-exchange", "mtls-exchange", "secret-refresh", "mtls-refresh"}) {
            FlowResult figures = result.flow(flow);
            assertThat(figures.errors()).as("%s errors: %s", flow, figures.firstErrors()).isZero();
            assertThat(figures.ok()).as(flow).isPositive();
        }
    }

    /** Benchmark: e-CPS logins per second with simulated devices approving, beside the password-login baseline. */
    @Test
    void ecpsFlowCompletesBesideThePasswordBaselineAndMeasuresTheContinuation(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        // Identities no other test uses, so no test's request is replaced by the bench's.
        Path devices = Files.createDirectories(server.dataDir().resolve("bench-ecps-devices"));
        for (String idNat : new String[] {"899900001118", "899900000813"}) {
            Files.copy(server.dataDir().resolve("ecps/devices/" + idNat + ".json"), devices.resolve(idNat + ".json"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        BenchResult result = Bench.run(BenchOptions.parse("--base-url", server.baseUrl(),
                "--cacert", server.caBundle().toString(), "--duration", "3", "--warmup", "1", "--concurrency", "2",
                "--flows", "password,ecps", "--ecps-devices", devices.toString()));

        FlowResult ecps = result.flow("ecps");
        assertThat(ecps.errors()).as("errors: %s", ecps.firstErrors()).isZero();
        assertThat(ecps.ok()).isPositive();
        assertThat(result.ratioToBaseline(ecps)).isPositive();
    }
}
