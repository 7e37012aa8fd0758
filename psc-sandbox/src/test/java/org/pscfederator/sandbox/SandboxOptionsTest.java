package org.pscfederator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SandboxOptionsTest {

    @Test
    void defaultsMatchPscUrls() {
        SandboxOptions options = SandboxOptions.parse();

        assertThat(options.httpsPort()).isEqualTo(8443);
        assertThat(options.managementPort()).isEqualTo(9000);
        assertThat(options.database()).isEqualTo(DatabaseKind.H2);
        assertThat(options.dataDir()).isEqualTo(Path.of("sandbox-data").toAbsolutePath());
        assertThat(options.baseUrl()).isEqualTo("https://localhost:8443/auth");
        assertThat(options.managementHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void hostNamesThePublicUrlButTheLauncherStillCallsItselfOnLocalhost() {
        SandboxOptions options = SandboxOptions.parse("--host", "psc.example", "--https-port", "9443");

        assertThat(options.baseUrl()).isEqualTo("https://psc.example:9443/auth");
        assertThat(options.localUrl()).isEqualTo("https://localhost:9443/auth");
    }

    /** PSC's discovery names https://wallet.<host>/auth; the other endpoints stay on the public host. */
    @Test
    void walletHostNamesTheAuthorizationEndpointAndGoesIntoTheCertificate() {
        SandboxOptions options = SandboxOptions.parse("--host", "psc.example", "--wallet-host", "wallet.psc.example",
                "--https-port", "9443");

        assertThat(options.authorizationEndpoint()).isEqualTo("https://wallet.psc.example:9443/auth");
        assertThat(options.baseUrl()).isEqualTo("https://psc.example:9443/auth");
        assertThat(options.certificateHosts()).containsExactly("psc.example", "wallet.psc.example");
        assertThat(SandboxOptions.parse("--wallet-host", "wallet.localhost").certificateHosts())
                .containsExactly("wallet.localhost");
    }

    @Test
    void withoutWalletHostTheAuthorizationEndpointIsAuthOnThePublicHost() {
        assertThat(SandboxOptions.parse().authorizationEndpoint()).isEqualTo("https://localhost:8443/auth");
        assertThat(SandboxOptions.parse("--host", "psc.example").authorizationEndpoint())
                .isEqualTo("https://psc.example:8443/auth");
        assertThat(SandboxOptions.parse().certificateHosts()).isEmpty();
    }

    @Test
    void aHostThatIsNotADnsNameIsRefused() {
        for (String bad : new String[] {"", "wallet..example", "-wallet.example", "wallet-.example", "wallet_1.example",
                "wallet.example:8443", "https://wallet.example", "wallet example", "x".repeat(64) + ".example"}) {
            assertThatThrownBy(() -> SandboxOptions.parse("--wallet-host", bad))
                    .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                    .hasMessage("--wallet-host must be a DNS name (letters, digits, hyphens and dots, as "
                            + "wallet.psc.example), not '" + bad + "' (see --help)");
            assertThatThrownBy(() -> SandboxOptions.parse("--host", bad))
                    .hasMessageStartingWith("--host must be a DNS name");
        }
        assertThatThrownBy(() -> SandboxOptions.parse("--wallet-host", "LOCALHOST"))
                .hasMessageContaining("--wallet-host must differ from the server's host name");
        assertThatThrownBy(() -> SandboxOptions.parse("--host", "psc.example", "--wallet-host", "psc.example"))
                .hasMessageContaining("--wallet-host must differ");
    }

    @Test
    void managementHostTakesAnAddressAndTheReadinessCheckFollowsIt() {
        assertThat(SandboxOptions.parse("--management-host", "0.0.0.0").managementUrl())
                .isEqualTo("https://localhost:9000/auth");
        assertThat(SandboxOptions.parse("--management-host=192.0.2.10").managementUrl())
                .isEqualTo("https://192.0.2.10:9000/auth");
    }

    /** A name would be looked up in DNS, and could bind anything it resolves to. */
    @Test
    void managementHostThatIsNotAnAddressIsRefused() {
        for (String notAnAddress : new String[] {"intranet.example", "cafe", "999.1.1.1", "10.0.0"}) {
            assertThatThrownBy(() -> SandboxOptions.parse("--management-host", notAnAddress))
                    .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                    .hasMessageContaining("--management-host must be an IP address");
        }
        assertThat(SandboxOptions.parse("--management-host", "::").managementHost()).isEqualTo("0:0:0:0:0:0:0:0");
    }

    @Test
    void postgresOptionsAreTaken() {
        SandboxOptions options = SandboxOptions.parse("--db", "postgres", "--db-url=jdbc:postgresql://127.0.0.1:5432/psc",
                "--db-username", "psc", "--db-password", "secret");

        assertThat(options.database()).isEqualTo(DatabaseKind.POSTGRES);
        assertThat(options.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/psc");
        assertThat(options.dbUsername()).isEqualTo("psc");
        assertThat(options.dbPassword()).isEqualTo("secret");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThatThrownBy(() -> SandboxOptions.parse("--frobnicate"))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("unknown option --frobnicate (see psc-sandbox --help)");
    }

    @Test
    void optionWithoutValueIsAUsageError() {
        assertThatThrownBy(() -> SandboxOptions.parse("--https-port"))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("--https-port needs a value");
    }

    @Test
    void portThatIsNotANumberIsAUsageError() {
        assertThatThrownBy(() -> SandboxOptions.parse("--https-port", "https"))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("--https-port").hasMessageContaining("https");
    }

    @Test
    void helpIsTakenWhateverItsSpelling() {
        assertThat(SandboxOptions.parse("--help").help()).isTrue();
        assertThat(SandboxOptions.parse("-h").help()).isTrue();
        assertThat(SandboxOptions.parse().help()).isFalse();
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertThatThrownBy(() -> SandboxOptions.parse("--https-port", "70000"))
                .hasMessageContaining("between 1 and 65535");
    }

    @Test
    void postgresWithoutUrlIsRefused() {
        assertThatThrownBy(() -> SandboxOptions.parse("--db", "postgres")).hasMessageContaining("needs --db-url");
    }

    @Test
    void nonPostgresUrlIsRefused() {
        assertThatThrownBy(() -> SandboxOptions.parse("--db", "postgres", "--db-url", "jdbc:mysql://x/y"))
                .hasMessageContaining("PostgreSQL JDBC URL");
    }

    @Test
    void unknownDatabaseIsRefused() {
        assertThatThrownBy(() -> SandboxOptions.parse("--db", "oracle")).hasMessageContaining("unknown database 'oracle'");
    }

    @Test
    void samePortTwiceIsRefused() {
        assertThatThrownBy(() -> SandboxOptions.parse("--https-port", "9000")).hasMessageContaining("must differ");
    }

    @Test
    void ecpsWaitsDefaultToTheSandboxShareAndCanBeRaisedForALoadTest() {
        assertThat(SandboxOptions.parse().maxEcpsWaits()).isEqualTo(400);
        assertThat(SandboxOptions.parse("--max-ecps-waits", "2500").maxEcpsWaits()).isEqualTo(2500);
        assertThat(SandboxOptions.parse("--max-ecps-waits", "0").maxEcpsWaits()).isZero();
    }

    @Test
    void ecpsWaitsBeyondWhatTheFrontCarriesOrBelowZeroAreRefused() {
        assertThatThrownBy(() -> SandboxOptions.parse("--max-ecps-waits", "-1"))
                .hasMessageContaining("--max-ecps-waits must be a number between 0 and 4000");
        assertThatThrownBy(() -> SandboxOptions.parse("--max-ecps-waits", "4001"))
                .hasMessageContaining("--max-ecps-waits must be a number between 0 and 4000");
        assertThatThrownBy(() -> SandboxOptions.parse("--max-ecps-waits", "many"))
                .hasMessageContaining("--max-ecps-waits");
    }

    @Test
    void pushRelayOptionsGoTogetherAndTakeAnHttpsUrlAndReadableStores(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path folder) throws Exception {
        String store = java.nio.file.Files.writeString(folder.resolve("store.p12"), "x").toString();
        String empty = java.nio.file.Files.writeString(folder.resolve("empty"), "").toString();
        String password = java.nio.file.Files.writeString(folder.resolve("password"), "pw").toString();

        assertThatThrownBy(() -> SandboxOptions.parse("--push-relay-keystore", store))
                .hasMessageContaining("go with --push-relay-url");
        assertThatThrownBy(() -> SandboxOptions.parse("--push-relay-url", "http://relay.example/push",
                "--push-relay-keystore", store, "--push-relay-truststore", store, "--push-relay-password-file", password))
                .hasMessageContaining("must be an https URL");
        assertThatThrownBy(() -> SandboxOptions.parse("--push-relay-url", "https://user:pw@relay.example/push",
                "--push-relay-keystore", store, "--push-relay-truststore", store, "--push-relay-password-file", password))
                .hasMessageContaining("without credentials").hasMessageNotContaining("user:pw");
        assertThatThrownBy(() -> SandboxOptions.parse("--push-relay-url", "https://relay.example/push",
                "--push-relay-keystore", store)).hasMessageContaining("needs --push-relay-keystore and --push-relay-truststore");
        assertThatThrownBy(() -> SandboxOptions.parse("--push-relay-url", "https://relay.example/push",
                "--push-relay-keystore", folder.resolve("missing.p12").toString(), "--push-relay-truststore", store,
                "--push-relay-password-file", password)).hasMessageContaining("no readable file");
        assertThatThrownBy(() -> SandboxOptions.parse("--push-relay-url", "https://relay.example/push",
                "--push-relay-keystore", store, "--push-relay-truststore", store, "--push-relay-password-file", empty))
                .hasMessageContaining("needs the stores' password");
        assertThatThrownBy(() -> SandboxOptions.parse("--push-relay-url", "https://relay.example/push",
                "--push-relay-keystore", store, "--push-relay-truststore", store, "--push-relay-password", "pw"))
                .as("no password on the command line").hasMessageContaining("--push-relay-password");
        SandboxOptions options = SandboxOptions.parse("--push-relay-url", "https://relay.example/push",
                "--push-relay-keystore", store, "--push-relay-truststore", store, "--push-relay-password-file", password);
        assertThat(options.pushRelay().url()).hasToString("https://relay.example/push");
        assertThat(options.pushRelay().password()).isEqualTo("pw");
        assertThat(SandboxOptions.parse().pushRelay()).isNull();
        assertThat(SandboxOptions.parse().logJson()).isFalse();
        assertThat(SandboxOptions.parse("--log-json").logJson()).isTrue();
    }
}
