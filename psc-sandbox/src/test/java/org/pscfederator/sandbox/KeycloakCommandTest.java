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
        pki = SandboxPki.prepare(data.pki(), null, "127.0.0.1");
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

    /** Any local user can read a command line. */
    @Test
    void trustStorePasswordGoesThroughTheEnvironment() {
        Map<String, String> env = KeycloakCommand.environment(SandboxOptions.parse(), "fresh-password");

        assertThat(env).containsEntry("KC_HTTPS_TRUST_STORE_PASSWORD", "fresh-password");
        assertThat(arguments()).noneMatch(argument -> argument.contains("fresh-password")
                || argument.startsWith("--https-trust-store-password"));
    }

    private static List<String> arguments(String... options) {
        return KeycloakCommand.arguments(SandboxOptions.parse(options), data, pki, 12345, data.frontTrustStore());
    }
}
