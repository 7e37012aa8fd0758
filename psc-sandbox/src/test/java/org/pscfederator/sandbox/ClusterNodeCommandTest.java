package org.pscfederator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.cli.ToolRunner;

/** What each cluster node is told: Keycloak's clustering, the shared database, load shedding, one realm import. */
@Tag("cluster")
class ClusterNodeCommandTest {

    @TempDir
    static Path folder;
    private static SandboxPki pki;

    @BeforeAll
    static void pki() {
        pki = SandboxPki.prepare(new SandboxData(folder).pki(), List.of(), "127.0.0.1");
    }

    @Test
    void nodesClusterWithInfinispanDiscoveringEachOtherThroughTheDatabase() {
        assertThat(arguments(1)).contains("--cache=ispn", "--cache-stack=jdbc-ping",
                "--cache-embedded-network-bind-address=127.0.0.1", "--cache-embedded-network-bind-port=7801",
                "--db=postgres", "--db-url=" + ClusterOptions.DEFAULT_DB_URL, "--db-pool-max-size=20");
    }

    @Test
    void nodesShedLoadAndStayBehindTheBalancer() {
        assertThat(arguments(1)).contains("--http-max-queued-requests=100", "--https-client-auth=required",
                "--proxy-trusted-addresses=127.0.0.1", "--hostname=https://localhost:8443/auth",
                "--http-management-host=127.0.0.1");
    }

    @Test
    void onlyTheFirstNodeImportsTheRealm() {
        assertThat(arguments(0)).contains("--import-realm");
        assertThat(arguments(1)).doesNotContain("--import-realm");
    }

    @Test
    void jgroupsPortsLeaveRoomForFailureDetection() {
        ClusterOptions options = ToolRunner.populate(new ClusterOptions(), "--jgroups-port", "15600", "--nodes", "2");
        org.assertj.core.api.Assertions.assertThatThrownBy(options::checked)
                .isInstanceOf(picocli.CommandLine.TypeConversionException.class).hasMessageContaining("failure detection listens 50000 above it");
    }

    @Test
    void eachNodeHoldsTheEcpsWaitsItIsGiven() {
        assertThat(arguments(1)).contains("--spi-psc-ecps-waits--default--max-waits=400");
        assertThat(arguments(1, "--max-ecps-waits", "3000"))
                .contains("--spi-psc-ecps-waits--default--max-waits=3000");
    }

    @Test
    void ecpsWaitsOutOfBoundsAreAUsageError() {
        for (String value : new String[] {"-1", "20001"}) {
            ClusterOptions options = ToolRunner.populate(new ClusterOptions(), "--max-ecps-waits", value);
            org.assertj.core.api.Assertions.assertThatThrownBy(options::checked)
                    .isInstanceOf(picocli.CommandLine.TypeConversionException.class)
                    .hasMessage("--max-ecps-waits must be between 0 and 20000");
        }
    }

    private static List<String> arguments(int index, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--nodes", "2"));
        args.addAll(List.of(more));
        ClusterOptions options = ToolRunner.populate(new ClusterOptions(), args.toArray(String[]::new)).checked();
        ClusterNode node = new ClusterNode("node-" + (index + 1), folder.resolve("node"), 40001, 40002,
                7800 + index, folder.resolve("node.log"));
        return ClusterNodeCommand.arguments(options, node, pki, index == 0);
    }
}
