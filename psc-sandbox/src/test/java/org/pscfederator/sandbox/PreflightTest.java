package org.pscfederator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

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

    /** The management port is chosen by the user but not yet bound: the system may hand it out as a free port. */
    @Test
    void keycloaksPortIsNeverOneAlreadyPromised() {
        Iterator<Integer> offered = List.of(42727, 42727, 38895, 40001).iterator();
        Set<Integer> promised = new HashSet<>(Set.of(42727, 38895));

        int port = Preflight.freeLoopbackPort(promised, offered::next);

        assertThat(port).isEqualTo(40001);
        assertThat(promised).contains(40001);
    }

    @Test
    void noFreePortApartFromThePromisedOnesIsAClearError() {
        Set<Integer> promised = new HashSet<>(Set.of(42727));
        assertThatThrownBy(() -> Preflight.freeLoopbackPort(promised, () -> 42727))
                .isInstanceOf(SandboxException.class).hasMessageContaining("cannot find a free loopback port");
    }
}
