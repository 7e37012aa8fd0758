package org.pscfederator.it.ecps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.*;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.RelyingServiceChecks;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * PSC e-CPS login in the browser against the sandbox over real HTTPS: identifier, push, wait page with its
 * code, the simulated phone approving with the right code and its PIN, then code, tokens and signed userinfo.
 */
@Tag("psc-ecps")
@ExtendWith(SandboxServerExtension.class)
class EcpsLoginIT {

    private static final String ID_NAT = "899700366240";

    @Test
    void professionalLogsInWithTheSandboxSimulatedDevice(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        CardBrowser browser = CardBrowser.withoutCard(server);
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
        SimulatedDevice phone = sandboxDevice(server, ID_NAT);

        Wait wait = startLogin(browser, request, ID_NAT);
        assertThat(wait.page().page()).contains("Validez la connexion sur votre téléphone").contains("lang=\"fr\"");
        DeviceApiClient.Pending pending = pending(server, phone);
        assertThat(pending.choices()).hasSize(3).contains(wait.code()).doesNotHaveDuplicates();
        assertThat(pending.clientName()).isNotBlank();
        assertThat(state(server, wait, 0)).isEqualTo("pending");

        DeviceApiClient.Answer answer = phone(server).answer(phone, PIN, pending.requestId(), wait.code(), true);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("outcome").asText()).isEqualTo("approved");
        assertThat(state(server, wait, 5)).isEqualTo("approved");

        CardBrowser.Outcome outcome = check(browser, wait);
        assertThat(outcome.redirected()).as(outcome.page()).isTrue();
        assertThat(outcome.location()).startsWith(REDIRECT + "?");
        assertThat(browser.hasCookie("KEYCLOAK_IDENTITY")).as("a login session in the browser").isTrue();
        Map<String, String> parameters = outcome.redirectParameters();
        assertThat(parameters.get("state")).isEqualTo(request.state());
        JsonNode tokens = exchange(server, parameters.get("code"), request);
        RelyingServiceChecks.loggedInAs(server, tokens, request, ID_NAT, "[\"swk\",\"pin\",\"mfa\"]");
        assertThat(events(server, "LOGIN", Map.of("psc_means", "e-CPS", "psc_idnat", ID_NAT,
                "psc_device", phone.deviceId(), "psc_outcome", "approved"))).isNotEmpty();
    }
}
