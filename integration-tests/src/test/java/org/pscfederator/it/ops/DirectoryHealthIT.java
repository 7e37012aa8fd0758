package org.pscfederator.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.PostgresSandboxExtension;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A national directory older than the realm's pscDirectoryMaxAgeDays (8 days in the sandbox) puts the health check
 * and its gauge in warning, logged once, while logins go on: an old directory is a warning, not a refusal. The age is
 * made old in the database the server reads (the sandbox on PostgreSQL), as an import that stopped running would.
 */
@Tag("psc-operations")
@Tag("postgres")
@ExtendWith(PostgresSandboxExtension.class)
class DirectoryHealthIT {

    private static final Map<String, String> DIRECTORY = Map.of("check", "directory");
    private static final String OLD = "PSC health check directory: WARNING (was OK): the national directory was "
            + "imported on ";
    private static final String CARD = "899700427869";

    @Test
    void aDirectoryOlderThanTheRealmsLimitWarnsWhileCardsStillLogIn(SandboxServer server, TestDatabase database)
            throws Exception {
        server.importSandboxDirectories();
        MetricsIT.eventually(server, scrape -> Double.valueOf(0).equals(scrape.single("psc_health_state", DIRECTORY)));
        assertThat(Scrape.of(server).single("psc_health_state", DIRECTORY)).as("fresh after the import").isZero();

        age(database, "- INTERVAL '10 days'");
        try {
            Scrape old = MetricsIT.eventually(server, scrape -> Double.valueOf(1)
                    .equals(scrape.single("psc_health_state", DIRECTORY)));
            assertThat(old.single("psc_health_state", DIRECTORY)).as("warning").isEqualTo(1);
            JsonNode report = server.getJson(server.realmUrl() + "/psc-health", server.adminToken());
            assertThat(report.at("/checks/directory/state").asText()).isEqualTo("WARNING");
            assertThat(report.at("/checks/directory/problems/0").asText()).contains("more than 8 days ago");
            assertThat(server.logLineNaming(OLD)).contains("WARN").contains("more than 8 days ago");

            CardBrowser.Outcome login = CardBrowser.withCard(server, MetricsIT.sandboxCard(server, CARD))
                    .loginWithCard(CardBrowser.Request.of(EcpsFlow.CLIENT, EcpsFlow.REDIRECT));
            assertThat(login.redirected()).as("an old directory refuses nobody").isTrue();
            Thread.sleep(11_000); // two more rounds of the sandbox's check, every 5 s
            assertThat(java.nio.file.Files.readAllLines(server.log()).stream().filter(line -> line.contains(OLD)))
                    .as("logged once, not at every check").hasSize(1);
        } finally {
            age(database, "+ INTERVAL '10 days'");
        }
        Scrape fresh = MetricsIT.eventually(server, scrape -> Double.valueOf(0)
                .equals(scrape.single("psc_health_state", DIRECTORY)));
        assertThat(fresh.single("psc_health_state", DIRECTORY)).as("back to normal").isZero();
    }

    /** Moves the national directory's activation time by {@code interval} (SQL), as its last import. */
    private static void age(TestDatabase database, String interval) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            int rows = statement.executeUpdate("UPDATE psc_dir_state SET activated_at = activated_at " + interval
                    + " WHERE directory = 'NATIONAL'");
            assertThat(rows).as("the national directory's state row").isEqualTo(1);
        }
    }
}
