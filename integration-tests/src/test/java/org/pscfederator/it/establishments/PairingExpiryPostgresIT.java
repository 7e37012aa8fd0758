package org.pscfederator.it.establishments;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.PostgresSandboxExtension;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pairing past its end (its row aged in the sandbox's PostgreSQL database, as a year would): the next delegated
 * login ends it, with an event, and asks for the card again; a new pairing then holds for another term.
 */
@Tag("psc-establishment")
@ExtendWith(PostgresSandboxExtension.class)
class PairingExpiryPostgresIT {

    private static final String IDNAT = "899900001019";

    @Test
    void expiredPairingAsksForTheCardAgain(SandboxServer server, TestDatabase database) throws Exception {
        try (TestEstablishment establishment = TestEstablishment.register(server)) {
            String subject = "expiring-" + System.nanoTime();
            PairingLifecycleIT.pair(server, establishment, subject, IDNAT);
            expire(database, establishment.alias(), subject);

            CardBrowser.Outcome again = PairingLifecycleIT.nextLogin(server, establishment, subject);

            HospitalLoginIT.assertPairingPage(again);
            PairingLifecycleIT.assertEnded(establishment, IDNAT, Map.of("psc_reason", "pairing_expired",
                    "psc_ended_by", "psc"));

            PairingLifecycleIT.pair(server, establishment, subject, IDNAT);
            JsonNode renewed = establishment.admin().pairing(IDNAT, establishment.alias());
            assertThat(java.time.Instant.parse(renewed.path("expiresAt").asText()))
                    .isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(364)));
        }
    }

    private static void expire(TestDatabase database, String alias, String subject) throws Exception {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(
                "UPDATE psc_pairing SET expires_at = CURRENT_TIMESTAMP - INTERVAL '2 days', created_at = created_at"
                        + " - INTERVAL '366 days' WHERE provider = ? AND subject = ?")) {
            statement.setString(1, alias);
            statement.setString(2, subject);
            assertThat(statement.executeUpdate()).as("the pairing row aged").isEqualTo(1);
        }
    }
}
