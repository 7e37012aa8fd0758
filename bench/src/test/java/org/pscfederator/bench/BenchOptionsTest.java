package org.pscfederator.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine.ParameterException;

class BenchOptionsTest {

    @Test
    void defaultsTargetTheLocalSandbox() {
        BenchOptions o = BenchOptions.parse();
        assertThat(o.baseUrl()).isEqualTo(URI.create("https://localhost:8443/auth"));
        assertThat(o.realm()).isEqualTo("esante-wallet");
        assertThat(o.durationSeconds()).isEqualTo(30);
        assertThat(o.warmupSeconds()).isEqualTo(5);
        assertThat(o.concurrency()).isEqualTo(8);
        assertThat(o.flows()).containsExactly("password");
        assertThat(o.maxFlows()).isEqualTo(1_000_000);
        assertThat(o.user()).isEqualTo("bench.password");
        assertThat(o.clientId()).isEqualTo("psc-bench");
        assertThat(o.redirectUri()).isEqualTo(URI.create("https://localhost/bench/callback"));
        assertThat(o.json()).isFalse();
        assertThat(o.oidcEndpoint("token"))
                .isEqualTo(URI.create("https://localhost:8443/auth/realms/esante-wallet/protocol/openid-connect/token"));
    }

    @Test
    void everyOptionCanBeSetEitherWay(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), "x");
        BenchOptions o = BenchOptions.parse("--base-url", "http://127.0.0.1:18480/auth/", "--realm=other",
                "--cacert", pem.toString(), "--duration", "3", "--warmup=0", "--concurrency", "2",
                "--flows", "password", "--max-flows", "1_000", "--json", "--user", "u", "--password=--odd",
                "--client-secret", "s", "--request-timeout", "4");
        assertThat(o.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:18480/auth"));
        assertThat(o.realm()).isEqualTo("other");
        assertThat(o.cacert()).isEqualTo(pem);
        assertThat(List.of(o.durationSeconds(), o.warmupSeconds(), o.concurrency(), o.requestTimeoutSeconds()))
                .containsExactly(3, 0, 2, 4);
        assertThat(o.maxFlows()).isEqualTo(1000);
        assertThat(o.json()).isTrue();
        assertThat(o.password()).isEqualTo("--odd");
        assertThat(o.toString()).doesNotContain("--odd").doesNotContain("=s");
    }

    @Test
    void unknownOptionIsRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("--concurency", "4"))
                .isInstanceOf(ParameterException.class).hasMessage("unknown option --concurency (see psc-bench --help)");
        assertThatThrownBy(() -> BenchOptions.parse("password"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("unexpected argument password");
    }

    @Test
    void missingValueIsRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("--duration"))
                .isInstanceOf(ParameterException.class).hasMessage("--duration needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--realm", "--json"))
                .isInstanceOf(ParameterException.class).hasMessage("--realm needs a value");
    }

    @Test
    void badNumbersAreRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("--duration", "ten"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> BenchOptions.parse("--concurrency", "0"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> BenchOptions.parse("--max-flows", "-5"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("between 1 and");
    }

    @Test
    void remoteHostIsRefusedWithoutAllowRemote() {
        assertThatThrownBy(() -> BenchOptions.parse("--base-url", "https://psc.example.org/auth"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("psc.example.org").hasMessageContaining("--allow-remote");
        assertThatThrownBy(() -> BenchOptions.parse("--base-url", "https://128.0.0.1/auth"))
                .isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--base-url", "https://127.0.0.1.example.org/auth"))
                .isInstanceOf(ParameterException.class);
    }

    @Test
    void remoteHostIsAcceptedWithAllowRemote() {
        assertThat(BenchOptions.parse("--allow-remote", "--base-url", "https://psc.example.org/auth").baseUrl().getHost())
                .isEqualTo("psc.example.org");
    }

    @Test
    void loopbackHostsAreAccepted() {
        for (String url : List.of("https://localhost:8443/auth", "http://127.0.0.1:18480/auth",
                "https://127.3.2.1/auth", "https://[::1]:8443/auth", "https://LOCALHOST/auth")) {
            assertThat(BenchOptions.parse("--base-url", url).baseUrl()).hasToString(url);
        }
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        assertThatThrownBy(() -> BenchOptions.parse("--base-url", "ftp://localhost/auth"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> BenchOptions.parse("--base-url", "localhost:8443"))
                .isInstanceOf(ParameterException.class);
    }

    @Test
    void unknownOrRepeatedFlowIsRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("--flows", "password,ciba"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("unknown flow 'ciba'");
        assertThatThrownBy(() -> BenchOptions.parse("--flows", "password,password"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("twice");
    }

    @Test
    void missingTrustBundleIsRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("--cacert", "/no/such/ca.pem"))
                .isInstanceOf(ParameterException.class).hasMessage("--cacert /no/such/ca.pem: no such file");
    }

    @Test
    void helpSkipsTheChecks() {
        assertThat(BenchOptions.parse("--base-url", "https://psc.example.org", "--help").help()).isTrue();
        assertThat(BenchOptions.USAGE).contains("--base-url", "--cacert", "--duration", "--warmup", "--concurrency",
                "--flows", "--max-flows", "--json", "--allow-remote");
    }
}
