package org.pscfederator.it.realm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pscfederator.it.harness.SandboxServer;

/** Sandbox: a second start keeps what the first created (no re-import that loses changes); --reset starts over. */
@Tag("psc-sandbox")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxRestartIT {

    private static SandboxServer server;

    @BeforeAll
    static void start() {
        server = new SandboxServer("sandbox-restart", List.of()).startFresh();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void secondStartKeepsChangesAndTheTestPki() throws Exception {
        String token = server.adminToken();
        String clients = server.baseUrl() + "/admin/realms/esante-wallet/clients";
        int created = server.send(HttpRequest.newBuilder(URI.create(clients))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"added-before-restart\",\"publicClient\":true}"))
                .build()).statusCode();
        byte[] caBundle = Files.readAllBytes(server.caBundle());
        assertThat(created).isEqualTo(201);

        server.restart();

        String tokenAfter = server.adminToken();
        assertThat(server.getJson(clients + "?clientId=added-before-restart", tokenAfter)).hasSize(1);
        assertThat(Files.readAllBytes(server.caBundle())).isEqualTo(caBundle);
        assertThat(server.getJson(server.realmUrl() + "/.well-known/wallet-openid-configuration").get("issuer").asText())
                .isEqualTo(server.realmUrl());
    }

    @Test
    @Order(2)
    void resetStartsOverWithNewPkiAndTheRealmAsInRealmConfig() throws Exception {
        byte[] caBundleBefore = Files.readAllBytes(server.caBundle());

        server.restart("--reset");

        String clients = server.baseUrl() + "/admin/realms/esante-wallet/clients";
        assertThat(server.getJson(clients + "?clientId=added-before-restart", server.adminToken())).isEmpty();
        assertThat(server.getJson(clients + "?clientId=psc-bench", server.adminToken())).hasSize(1);
        assertThat(Files.readAllBytes(server.caBundle())).isNotEqualTo(caBundleBefore);
    }
}
