package org.pscfederator.it.ecps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.*;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Someone who starts e-CPS logins for a professional spends their own share of that professional's pushes, and
 * cannot replace the professional's pending request; a relying service past its share gets an OAuth error, not 503
 * (docs/ecps.md, "Limits and lockout").
 */
@Tag("psc-ecps")
@ExtendWith(SandboxServerExtension.class)
class EcpsLockoutIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anotherSourceNeitherSpendsTheProfessionalsPushesNorReplacesTheirRequest(SandboxServer server)
            throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000417";
        SimulatedDevice device = sandboxDevice(server, idNat);
        startInAFreshMinute();
        Map<String, String> previous = realmAttributes(server, Map.of("pscEcpsPushesPerIdNatPerSourcePerMinute", "2",
                "pscEcpsPushesPerIdNatPerMinute", "10"));
        try {
            CardBrowser attacker = CardBrowser.withoutCard(server);
            for (int i = 0; i < 2; i++) {
                startLogin(attacker, CardBrowser.Request.of(CLIENT, REDIRECT), idNat);
            }
            assertThat(identify(attacker, CardBrowser.Request.of(CLIENT, REDIRECT), idNat).page())
                    .contains("data-reason=\"too_many_pushes_identifier\"");

            HttpResponse<String> professional = backchannel(server, idNat, "58");
            assertThat(professional.statusCode()).as(professional.body()).isEqualTo(200);
            assertThat(identify(attacker, CardBrowser.Request.of(CLIENT, REDIRECT), idNat).page())
                    .contains("data-reason=\"too_many_pushes_identifier\"");

            List<DeviceApiClient.Pending> outstanding = phone(server).outstanding(device, 5);
            assertThat(outstanding).hasSize(2);
            DeviceApiClient.Pending own = outstanding.stream().filter(request -> "58".equals(request.bindingMessage()))
                    .findFirst().orElseThrow(() -> new AssertionError("the CIBA request was replaced: " + outstanding));
            assertThat(phone(server).answer(device, PIN, own.requestId(), "58", true).body().path("outcome").asText())
                    .isEqualTo("approved");
            Thread.sleep(5_000); // the realm's CIBA polling interval
            HttpResponse<String> tokens = poll(server, JSON.readTree(professional.body()).path("auth_req_id").asText());
            assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        } finally {
            realmAttributes(server, previous);
        }
    }

    @Test
    void cibaPastItsShareGetsSlowDownWithRetryAfter(SandboxServer server) throws Exception {
        String idNat = "899999990060";
        startEarlyInAMinute();
        Map<String, String> previous = realmAttributes(server, Map.of("pscEcpsPushesPerIdNatPerSourcePerMinute",
                "1"));
        HttpResponse<String> first;
        HttpResponse<String> second;
        try {
            first = backchannel(server, idNat, "27");
            second = backchannel(server, idNat, "27");
        } finally {
            realmAttributes(server, previous);
        }

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(429);
        JsonNode error = JSON.readTree(second.body());
        assertThat(error.path("error").asText()).isEqualTo("slow_down");
        assertThat(error.path("error_description").asText()).contains("Retry-After");
        assertThat(second.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "too_many_pushes", "psc_idnat", idNat)))
                .isNotEmpty();
    }

    /**
     * The limits count per minute and per source address, and every test's browser comes from 127.0.0.1: pushes
     * that another test made for this identifier earlier in the current minute count against this test's share.
     */
    private static void startInAFreshMinute() throws InterruptedException {
        Thread.sleep((60 - Instant.now().getEpochSecond() % 60) * 1000 + 200);
    }

    /** The limits count per minute: start early in one, so the test's pushes fall in the same. */
    private static void startEarlyInAMinute() throws InterruptedException {
        long second = Instant.now().getEpochSecond() % 60;
        if (second > 40) {
            Thread.sleep((61 - second) * 1000);
        }
    }
}
