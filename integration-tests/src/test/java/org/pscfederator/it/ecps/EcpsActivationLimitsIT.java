package org.pscfederator.it.ecps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.*;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Activation codes cannot be guessed nor requested without bound (docs/ecps-device-api.md, "Limits"): requests by
 * contact are bounded per idNat and per address, and so are the messages a professional receives; wrong guesses are
 * counted per idNat across re-issued codes, and past the bound a guess is answered 429 without being compared. A 429
 * says when to try again (Retry-After).
 */
@Tag("psc-ecps")
@ExtendWith(SandboxServerExtension.class)
class EcpsActivationLimitsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The limits' window, in seconds. */
    private static final int HOUR = 3600;

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
    void contactRequestsPastTheLimitPerAddressAreRefusedAndSendNothing(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String allowedIdNat = "899900000615";
        String refusedIdNat = "899900001019";
        DeviceApiClient api = phone(server);
        startClearOfTheHoursEnds();
        // Every test client comes from 127.0.0.1: the limit is what this address spent this hour, plus one.
        int spent = requestsFromTheTestsAddressThisHour(server);
        String sentBefore = api.outbox(allowedIdNat, server.adminToken()).body().path("code").asText();
        String unsentBefore = api.outbox(refusedIdNat, server.adminToken()).body().path("code").asText();
        Map<String, String> previous = realmAttributes(server, Map.of("pscEcpsActivationsPerAddressPerHour",
                Integer.toString(spent + 1)));
        DeviceApiClient.Answer first;
        HttpResponse<String> refused;
        long secondsLeft;
        try {
            first = api.requestContactCode(allowedIdNat);
            secondsLeft = HOUR - Instant.now().getEpochSecond() % HOUR;
            refused = server.send(HttpRequest.newBuilder(URI.create(server.realmUrl()
                            + "/psc-ecps/v1/activation/contact"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id_nat\": \"" + refusedIdNat + "\"}")).build());
        } finally {
            realmAttributes(server, previous);
        }

        assertThat(first.status()).as("the hour's last request from this address").isEqualTo(202);
        assertThat(api.outbox(allowedIdNat, server.adminToken()).body().path("code").asText())
                .as("its code was sent").matches("[0-9]{8}").isNotEqualTo(sentBefore);
        assertThat(refused.statusCode()).isEqualTo(429);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("error").asText()).isEqualTo("too_many_activation_requests_address");
        assertThat(body.path("message").asText()).contains("Réessayez dans une heure");
        assertThat(refused.headers().firstValue("Retry-After")).as("seconds until the hour's counts start again")
                .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, secondsLeft));
        assertThat(api.outbox(refusedIdNat, server.adminToken()).body().path("code").asText())
                .as("nothing was sent past the limit").isEqualTo(unsentBefore);
        assertThat(events(server, "UPDATE_CREDENTIAL_ERROR", Map.of("psc_reason",
                "too_many_activation_requests_address", "psc_idnat", refusedIdNat))).isNotEmpty();
    }

    /**
     * The contact requests from the tests' address that took one of this hour's slots, from their events: all but
     * those refused before counting (not an idNat) or for the address's limit itself.
     */
    private static int requestsFromTheTestsAddressThisHour(SandboxServer server) throws Exception {
        long hourStartMillis = Instant.now().getEpochSecond() / HOUR * HOUR * 1000;
        int spent = 0;
        for (String type : List.of("UPDATE_CREDENTIAL", "UPDATE_CREDENTIAL_ERROR")) {
            for (JsonNode event : events(server, type, Map.of("psc_ecps_action", "activation_code_requested"))) {
                String reason = event.at("/details/psc_reason").asText();
                if (event.path("time").asLong() >= hourStartMillis
                        && "127.0.0.1".equals(event.path("ipAddress").asText())
                        && !reason.equals("invalid_identifier")
                        && !reason.equals("too_many_activation_requests_address")) {
                    spent++;
                }
            }
        }
        return spent;
    }

    /** Limits count in clock hours: away from an hour's end, so that the count read and the requests share one. */
    private static void startClearOfTheHoursEnds() throws InterruptedException {
        long second = Instant.now().getEpochSecond() % HOUR;
        if (second > HOUR - 60) {
            Thread.sleep((HOUR - second + 2) * 1000);
        } else if (second < 2) {
            Thread.sleep(2_000);
        }
    }
}
