package org.pscfederator.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pscfederator.it.harness.FreePort;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.Launcher.Result;

/** Sandbox launcher: bad input gets a one-line clear error and a non-zero exit, never a stack trace. */
@Tag("psc-sandbox")
class LauncherBadInputIT {

    @Test
    void unknownOptionIsOneLineUsageError() throws Exception {
        Result result = Launcher.runScript("--frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertOneLineError(result, "psc-sandbox: error: unknown option --frobnicate (see psc-sandbox --help)");
    }

    @Test
    void walletHostThatIsNotAHostNameIsOneLineUsageErrorAndNothingStarts() throws Exception {
        Path data = freshDir("bad-wallet-host");

        Result result = Launcher.runJar("--data-dir", data.toString(), "--wallet-host", "https://wallet.example/auth");

        assertThat(result.exitCode()).isEqualTo(2);
        assertOneLineError(result, "psc-sandbox: error: --wallet-host must be a DNS name (letters, digits, hyphens "
                + "and dots, as wallet.psc.example), not 'https://wallet.example/auth' (see --help)");
        assertThat(data.resolve("keycloak")).doesNotExist();
    }

    @Test
    void helpListsTheOptions() throws Exception {
        Result result = Launcher.runScript("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("--data-dir", "--https-port", "--management-port", "--management-host",
                "--wallet-host", "--db h2|postgres", "--db-url", "--db-username", "--db-password", "--reset", "--help",
                "--log-json", "--push-relay-url", "--push-relay-keystore", "--push-relay-truststore",
                "--push-relay-password-file");
    }

    @Test
    void pushRelayWithoutAPasswordOrOverHttpIsOneLineUsageErrorAndNothingStarts() throws Exception {
        Path data = freshDir("bad-push-relay");
        Path store = Files.writeString(data.resolveSibling("bad-push-relay.p12"), "not used");

        Result noPassword = Launcher.runJar("--data-dir", data.toString(), "--push-relay-url",
                "https://127.0.0.1:9/push", "--push-relay-keystore", store.toString(), "--push-relay-truststore",
                store.toString());
        Result http = Launcher.runJar("--data-dir", data.toString(), "--log-json", "--push-relay-url",
                "http://127.0.0.1:9/push", "--push-relay-keystore", store.toString(), "--push-relay-truststore",
                store.toString());

        assertThat(noPassword.exitCode()).isEqualTo(2);
        assertOneLineError(noPassword, "psc-sandbox: error: --push-relay-url needs the stores' password: "
                + "--push-relay-password-file FILE or the environment variable PSC_PUSH_RELAY_PASSWORD (see --help)");
        assertThat(http.exitCode()).isEqualTo(2);
        assertOneLineError(http, "psc-sandbox: error: --push-relay-url must be an https URL without credentials, as "
                + "https://relay.example/push (see --help)");
        assertThat(data.resolve("keycloak")).doesNotExist();
    }

    @Test
    void portAlreadyInUseIsOneLineErrorAndNothingStarts() throws Exception {
        Path data = freshDir("busy-port");
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(0));
            int port = busy.getLocalPort();

            Result result = Launcher.runJar("--data-dir", data.toString(), "--https-port", Integer.toString(port),
                    "--management-port", Integer.toString(FreePort.find()));

            assertThat(result.exitCode()).isEqualTo(1);
            assertOneLineError(result, "psc-sandbox: error: port " + port + " is already in use (another sandbox or "
                    + "server?); stop it or choose another port with --https-port");
            assertThat(data.resolve("keycloak")).doesNotExist();
        }
    }

    @Test
    void unreachableDatabaseIsOneLineError() throws Exception {
        int closedPort = FreePort.find();

        Result result = Launcher.runJar("--data-dir", freshDir("no-db").toString(),
                "--https-port", Integer.toString(FreePort.find()), "--management-port", Integer.toString(FreePort.find()),
                "--db", "postgres", "--db-url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/psc",
                "--db-username", "psc", "--db-password", "never-printed");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("psc-sandbox: error: cannot connect to the database at "
                + "jdbc:postgresql://127.0.0.1:" + closedPort + "/psc: ");
        assertOneLine(result);
        assertThat(result.stderr() + result.stdout()).doesNotContain("never-printed");
    }

    @Test
    void unwritableDataFolderIsOneLineError() throws Exception {
        // Root ignores permission bits, so the folder is made impossible instead: its parent is a regular file.
        Path file = Files.writeString(freshDir("unwritable").resolve("a-file"), "x");
        Path data = file.resolve("sandbox-data");

        Result result = Launcher.runJar("--data-dir", data.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("psc-sandbox: error: sandbox data folder " + data + " is not writable (")
                .endsWith("); choose another with --data-dir\n");
        assertOneLine(result);
    }

    @Test
    void resetRefusesAFolderItDidNotCreateAndDeletesNothing() throws Exception {
        Path foreign = freshDir("foreign");
        Path precious = Files.writeString(foreign.resolve("precious.txt"), "keep me");

        Result result = Launcher.runJar("--data-dir", foreign.toString(), "--reset");

        assertThat(result.exitCode()).isEqualTo(1);
        assertOneLineError(result, "psc-sandbox: error: refusing to reset " + foreign
                + ": it is not a sandbox data folder (no .psc-sandbox file)");
        assertThat(precious).hasContent("keep me");
    }

    @Test
    void resetOnPostgresIsRefusedBeforeAnythingIsDeleted() throws Exception {
        Path data = freshDir("reset-postgres");
        Files.writeString(data.resolve(".psc-sandbox"), "marker");

        Result result = Launcher.runJar("--data-dir", data.toString(), "--reset", "--db", "postgres",
                "--db-url", "jdbc:postgresql://127.0.0.1:5432/psc");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("psc-sandbox: error: --reset cannot empty a PostgreSQL database");
        assertOneLine(result);
        assertThat(data.resolve(".psc-sandbox")).exists();
    }

    private static void assertOneLineError(Result result, String expected) {
        assertThat(result.stderr()).isEqualTo(expected + "\n");
        assertOneLine(result);
    }

    private static void assertOneLine(Result result) {
        assertThat(result.stderr().strip()).doesNotContain("\n");
        assertThat(result.stderr() + result.stdout()).doesNotContain("Exception:").doesNotContain("\tat ");
    }

    private static Path freshDir(String name) throws Exception {
        Path dir = Launcher.workDir().resolve("bad-input").resolve(name + "-" + System.nanoTime());
        Files.createDirectories(dir);
        return dir;
    }
}
