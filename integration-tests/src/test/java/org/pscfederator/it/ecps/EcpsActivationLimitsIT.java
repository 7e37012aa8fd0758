package org.pscfederator.it.ecps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.*;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

/**
 * Activation codes cannot be guessed nor requested without bound (docs/ecps-device-api.md, "Limits"): requests by
 * contact are bounded per idNat and per address, and so are the messages a professional receives; wrong guesses are
 * counted per idNat across re-issued codes, and past the bound a guess is answered 429 without being compared.
 */
@Tag("psc-ecps")
@ExtendWith(SandboxServerExtension.class)
class EcpsActivationLimitsIT {

    @TempDir
    Path folder;

    @Test
    void contactRequestsPastTheLimitPerIdentifierAreRefusedAndSendNothing(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000318";
        DeviceApiClient api = phone(server);
        String lastSent = null;
        for (int i = 0; i < 3; i++) {
            assertThat(api.requestContactCode(idNat).status()).isEqualTo(202);
            lastSent = api.outbox(idNat, server.adminToken()).body().path("code").asText();
        }

        DeviceApiClient.Answer refused = api.requestContactCode(idNat);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).isEqualTo("too_many_activation_requests_identifier");
        assertThat(refused.body().path("message").asText()).contains("Réessayez dans une heure");
        assertThat(api.outbox(idNat, server.adminToken()).body().path("code").asText())
                .as("no further message was sent").isEqualTo(lastSent);
        assertThat(events(server, "UPDATE_CREDENTIAL_ERROR", Map.of("psc_reason",
                "too_many_activation_requests_identifier", "psc_idnat", idNat))).isNotEmpty();
    }

    @Test
    void guessesAreCountedAcrossReissuedCodesAndPastTheLimitNotEvenCompared(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000714";
        DeviceApiClient api = phone(server);
        SimulatedDevice device = SimulatedDevice.create(SimulatedDevice.fileFor(folder, idNat), idNat, PIN);
        for (int i = 0; i < 5; i++) {
            if (i % 2 == 0) {
                // a new code between guesses does not start the count again
                assertThat(api.requestContactCode(idNat).status()).isEqualTo(202);
            }
            String code = api.outbox(idNat, server.adminToken()).body().path("code").asText();
            DeviceApiClient.Answer wrong = api.register(device, code.equals("00000000") ? "00000001" : "00000000",
                    "guess");
            assertThat(wrong.error()).isEqualTo("invalid_activation_code");
        }
        String right = api.outbox(idNat, server.adminToken()).body().path("code").asText();

        DeviceApiClient.Answer refused = api.register(device, right, "guessed");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).isEqualTo("too_many_activation_guesses");
        assertThat(server.getJson(server.realmUrl() + "/psc-ecps/v1/admin/devices?id_nat=" + idNat,
                server.adminToken()).path("devices").findValuesAsText("label")).doesNotContain("guessed", "guess");
        assertThat(events(server, "UPDATE_CREDENTIAL_ERROR", Map.of("psc_reason", "too_many_activation_guesses",
                "psc_idnat", idNat))).isNotEmpty();
    }

    @Test
    void contactRequestsPastTheLimitPerAddressAreRefused(SandboxServer server) throws Exception {
        // Every test client comes from 127.0.0.1: a limit of 1 for this test, whatever else ran this hour.
        Map<String, String> previous = realmAttributes(server, Map.of("pscEcpsActivationsPerAddressPerHour", "1"));
        DeviceApiClient.Answer last;
        try {
            phone(server).requestContactCode("899999990045");
            last = phone(server).requestContactCode("899999990052");
        } finally {
            realmAttributes(server, previous);
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(last.error()).isEqualTo("too_many_activation_requests_address");
        assertThat(events(server, "UPDATE_CREDENTIAL_ERROR", Map.of("psc_reason",
                "too_many_activation_requests_address", "psc_idnat", "899999990052"))).isNotEmpty();
    }
}
