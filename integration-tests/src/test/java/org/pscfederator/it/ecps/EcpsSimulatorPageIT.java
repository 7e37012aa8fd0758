package org.pscfederator.it.ecps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code psc-ecps-sim serve}, the simulated phone as a local web page, against the real sandbox: another web site
 * cannot make the developer's browser answer a login through it; the page itself can.
 */
@Tag("psc-ecps")
@ExtendWith(SandboxServerExtension.class)
class EcpsSimulatorPageIT {

    // An identity no other e-CPS test logs in with: its one outstanding request is this test's.
    private static final String ID_NAT = "0759960011";
    private static final Pattern REQUEST = Pattern.compile("name=\"request\" value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("name=\"page_token\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void crossSiteApprovalIsRefused(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        SimulatedDevice phone = sandboxDevice(server, ID_NAT);
        int errorsBefore = events(server, "LOGIN_ERROR", Map.of("psc_device", phone.deviceId())).size();
        CardBrowser browser = CardBrowser.withoutCard(server);
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
        try (SimulatorPageProcess page = SimulatorPageProcess.start(server, ID_NAT)) {
            Wait wait = startLogin(browser, request, ID_NAT);
            String requestId = pending(server, phone).requestId();

            // What another site's form can send: the right code and the sandbox PIN, but not the page's token.
            HttpResponse<String> noToken = post(page, "https://evil.example", "cross-site",
                    "action=approve&request=" + requestId + "&code=" + wait.code() + "&pin=" + PIN);
            HttpResponse<String> wrongToken = post(page, "https://evil.example", "cross-site",
                    "action=approve&request=" + requestId + "&code=" + wait.code() + "&pin=0000&page_token=guess");

            for (HttpResponse<String> refused : List.of(noToken, wrongToken)) {
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
                assertThat(refused.body()).contains("Requête refusée");
            }
            assertThat(page.output()).contains("refused POST").contains("evil.example");
            assertThat(state(server, wait, 0)).as("neither approved nor denied").isEqualTo("pending");
            assertThat(new ObjectMapper().readTree(Files.readString(phone.file())).path("failed_pins").asInt())
                    .as("the wrong PIN was never tried").isZero();
            assertThat(events(server, "LOGIN_ERROR", Map.of("psc_device", phone.deviceId())))
                    .as("nothing reached the device API").hasSize(errorsBefore);

            // The request was left as it was: the page itself still approves it, and the login completes.
            HttpResponse<String> shown = http.send(HttpRequest.newBuilder(URI.create(page.origin() + "/"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
            assertThat(field(REQUEST, shown.body())).isEqualTo(requestId);
            HttpResponse<String> approved = post(page, page.origin(), "same-origin", "action=approve&request="
                    + requestId + "&code=" + wait.code() + "&pin=" + PIN + "&page_token=" + field(TOKEN, shown.body()));

            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            assertThat(approved.body()).contains("Réponse envoyée : approved");
            assertThat(state(server, wait, 5)).isEqualTo("approved");
            CardBrowser.Outcome outcome = check(browser, wait);
            assertThat(outcome.location()).as(outcome.page()).startsWith(REDIRECT + "?");
            assertThat(events(server, "LOGIN", Map.of("psc_means", "e-CPS", "psc_idnat", ID_NAT,
                    "psc_device", phone.deviceId(), "psc_outcome", "approved"))).isNotEmpty();
        }
    }

    private HttpResponse<String> post(SimulatorPageProcess page, String origin, String site, String form)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(page.origin() + "/")).timeout(Duration.ofSeconds(30))
                .header("Origin", origin).header("Sec-Fetch-Site", site)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as("the page's form:\n" + page).isTrue();
        return matcher.group(1);
    }
}
