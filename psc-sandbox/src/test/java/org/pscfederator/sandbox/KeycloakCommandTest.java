package org.pscfederator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Keycloak is told: who may talk to it, where its management interface listens, which URLs it announces. */
class KeycloakCommandTest {

    @TempDir
    static Path folder;
    private static SandboxData data;
    private static SandboxPki pki;

    @BeforeAll
    static void pki() {
        data = new SandboxData(folder);
        pki = SandboxPki.prepare(data.pki(), List.of(), "127.0.0.1");
    }

    @Test
    void keycloaksUserEventMetricsAndPscsHealthCheckAreOn() {
        assertThat(arguments()).contains("--metrics-enabled=true", "--event-metrics-user-enabled=true",
                "--spi-psc-health--default--interval-seconds=5");
    }

    @Test
    void ecpsWaitsBoundIsTheLaunchersOption() {
        assertThat(arguments()).contains("--spi-psc-ecps-waits--default--max-waits=400");
        assertThat(arguments("--max-ecps-waits", "2500")).contains("--spi-psc-ecps-waits--default--max-waits=2500");
    }

    @Test
    void managementInterfaceListensOnLoopbackByDefault() {
        assertThat(arguments()).contains("--http-management-host=127.0.0.1")
                .noneMatch(argument -> argument.equals("--http-management-host=0.0.0.0"));
    }

    @Test
    void managementHostOptionOpensIt() {
        assertThat(arguments("--management-host", "0.0.0.0")).contains("--http-management-host=0.0.0.0")
                .doesNotContain("--http-management-host=127.0.0.1");
    }

    @Test
    void keycloakRequiresTheFrontsCertificateExceptOnTheManagementInterface() {
        assertThat(arguments()).contains("--https-client-auth=required",
                "--https-trust-store-file=" + data.frontTrustStore(), "--https-management-client-auth=none",
                "--http-host=127.0.0.1", "--proxy-trusted-addresses=127.0.0.1");
    }

    @Test
    void issuerIsFixedByConfigurationNotByTheHostHeader() {
        assertThat(arguments()).contains("--hostname=https://localhost:8443/auth", "--hostname-strict=true")
                .doesNotContain("--hostname-strict=false");
        assertThat(arguments("--host", "psc.example")).contains("--hostname=https://psc.example:8443/auth");
    }

    @Test
    void discoveryNamesTheWalletHostsAuthorizationEndpoint() {
        assertThat(arguments()).contains(
                "--spi-psc-realm--configured--authorization-endpoint=https://localhost:8443/auth");
        assertThat(arguments("--wallet-host", "wallet.localhost")).contains(
                "--spi-psc-realm--configured--authorization-endpoint=https://wallet.localhost:8443/auth",
                "--hostname=https://localhost:8443/auth");
    }

    /** Back-channel logout: Keycloak posts logout tokens to relying services whose certificates the sandbox PKI issued. */
    @Test
    void keycloaksOutgoingCallsTrustTheSandboxCas() {
        assertThat(arguments()).contains("--truststore-paths=" + pki.caBundle());
    }

    /** Any local user can read a command line. */
    @Test
    void trustStorePasswordGoesThroughTheEnvironment() {
        Map<String, String> env = KeycloakCommand.environment(SandboxOptions.parse(), "fresh-password");

        assertThat(env).containsEntry("KC_HTTPS_TRUST_STORE_PASSWORD", "fresh-password");
        assertThat(arguments()).noneMatch(argument -> argument.contains("fresh-password")
                || argument.startsWith("--https-trust-store-password"));
    }

    @Test
    void logJsonSwitchesKeycloaksConsoleToJson() {
        assertThat(arguments()).noneMatch(argument -> argument.startsWith("--log-console-output"));
        assertThat(arguments("--log-json")).contains("--log-console-output=json");
    }

    /** The relay's URL and stores are options; their password goes through the environment only. */
    @Test
    void pushRelayGoesToTheRelayProviderItsPasswordThroughTheEnvironment() throws Exception {
        Path keystore = java.nio.file.Files.writeString(folder.resolve("push-client.p12"), "k");
        Path truststore = java.nio.file.Files.writeString(folder.resolve("push-ca.p12"), "t");
        Path passwordFile = java.nio.file.Files.writeString(folder.resolve("push-password"), "s3cret-relay\n");
        String[] options = {"--push-relay-url", "https://127.0.0.1:8999/push", "--push-relay-keystore",
                keystore.toString(), "--push-relay-truststore", truststore.toString(), "--push-relay-password-file",
                passwordFile.toString()};

        assertThat(arguments(options)).contains("--spi-psc-push-gateway--relay--url=https://127.0.0.1:8999/push",
                "--spi-psc-push-gateway--relay--keystore=" + keystore,
                "--spi-psc-push-gateway--relay--truststore=" + truststore)
                .noneMatch(argument -> argument.contains("s3cret-relay") || argument.contains("keystore-password"));
        SandboxOptions parsed = SandboxOptions.parse(options);
        assertThat(KeycloakCommand.environment(parsed, "front"))
                .containsEntry("KC_SPI_PSC_PUSH_GATEWAY__RELAY__KEYSTORE_PASSWORD", "s3cret-relay");
        assertThat(parsed.toString()).doesNotContain("s3cret-relay");
        assertThat(arguments()).noneMatch(argument -> argument.contains("push-gateway"));
        assertThat(KeycloakCommand.environment(SandboxOptions.parse(), "front"))
                .doesNotContainKey("KC_SPI_PSC_PUSH_GATEWAY__RELAY__KEYSTORE_PASSWORD");
    }

    private static List<String> arguments(String... options) {
        return KeycloakCommand.arguments(SandboxOptions.parse(options), data, pki, 12345, data.frontTrustStore());
    }
}
