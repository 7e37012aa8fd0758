package org.pscfederator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PreflightTest {

    @Test
    void busyPortIsReportedWithTheOptionToChange() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(0));
            int port = busy.getLocalPort();

            assertThatThrownBy(() -> Preflight.checkPortFree(port, "--https-port"))
                    .hasMessage("port " + port + " is already in use (another sandbox or server?); "
                            + "stop it or choose another port with --https-port");
        }
    }

    @Test
    void passwordInJdbcQueryIsNotShown() {
        assertThat(Preflight.withoutQuery("jdbc:postgresql://h/db?password=s3cret")).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void unreachableDatabaseIsOneClearLine() {
        SandboxOptions options = SandboxOptions.parse("--db", "postgres", "--db-url", "jdbc:postgresql://127.0.0.1:1/none",
                "--db-username", "nobody");

        assertThatThrownBy(() -> Preflight.checkDatabase(options))
                .isInstanceOf(SandboxException.class)
                .hasMessageStartingWith("cannot connect to the database at jdbc:postgresql://127.0.0.1:1/none: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
