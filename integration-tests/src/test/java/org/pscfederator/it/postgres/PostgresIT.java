package org.pscfederator.it.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pscfederator.bench.Bench;
import org.pscfederator.bench.BenchOptions;
import org.pscfederator.bench.FlowResult;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.PostgresSandboxExtension;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;

/** Sandbox on PostgreSQL: {@code --db postgres} runs the server on the local PostgreSQL server instead of H2. */
@Tag("psc-sandbox")
@Tag("postgres")
@ExtendWith(PostgresSandboxExtension.class)
class PostgresIT {

    @Test
    void realmIsStoredInPostgres(SandboxServer server, TestDatabase database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet realms = statement.executeQuery("SELECT name FROM realm WHERE name = 'esante-wallet'")) {
            assertThat(realms.next()).as("realm esante-wallet in PostgreSQL").isTrue();
        }
    }

    @Test
    void discoveryIsServedFromThePostgresBackedServer(SandboxServer server) throws Exception {
        JsonNode wallet = server.getJson(server.realmUrl() + "/.well-known/wallet-openid-configuration");

        assertThat(wallet).isEqualTo(server.getJson(server.realmUrl() + "/.well-known/openid-configuration"));
        assertThat(wallet.get("backchannel_token_delivery_modes_supported").toString()).isEqualTo("[\"poll\"]");
    }

    @Test
    void passwordLoginAndCodeExchangeWorkOnPostgres(SandboxServer server) throws Exception {
        FlowResult login = Bench.run(BenchOptions.parse("--base-url", server.baseUrl(), "--cacert",
                server.caBundle().toString(), "--duration", "2", "--warmup", "0", "--concurrency", "1")).flow("password");

        assertThat(login.errors()).as("errors: %s", login.firstErrors()).isZero();
        assertThat(login.ok()).isPositive();
    }
}
