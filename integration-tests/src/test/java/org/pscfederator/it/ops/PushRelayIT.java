package org.pscfederator.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.CLIENT;
import static org.pscfederator.it.ecps.EcpsFlow.PIN;
import static org.pscfederator.it.ecps.EcpsFlow.REDIRECT;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * e-CPS pushes through a configured relay ({@code pscEcpsPush=relay}, the server started with the launcher's
 * {@code --push-relay-*} options), the test's own HTTPS relay requiring the federator's client certificate. An
 * accepted push names the device, the request and its expiry, nothing else; a slow relay delays no login (the push
 * is sent without the login waiting for it). A relay answering 5xx, or gone, loses
 * no login: the request is opened and the phone, which asks the device API itself, approves it; the failure is
 * counted by cause, logged once with its reason and no secret, and the PscEcpsPushRelayFailing alert's expression
 * holds on those figures.
 */
@Tag("psc-operations")
@Tag("psc-ecps")
@ExtendWith(OpsSandboxExtension.class)
class PushRelayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID_NAT = "899700366240";
    private static final String ALERT = "PscEcpsPushRelayFailing";
    private static final String RELAY_LOGGER = "org.pscfederator.keycloak.ecps.RelayPushGateway";

    private Map<String, String> previous;

    @BeforeEach
    void pushThroughTheRelay(SandboxServer server, TestPushRelay relay) throws Exception {
        server.importSandboxDirectories();
        relay.answer(202);
        relay.forget();
        previous = EcpsFlow.realmAttributes(server, Map.of("pscEcpsPush", "relay"));
    }

    @AfterEach
    void pushAsTheSandboxDoes(SandboxServer server, TestPushRelay relay) throws Exception {
        relay.answer(202);
        EcpsFlow.realmAttributes(server, previous);
    }

    @Test
    void anAcceptedPushNamesTheDeviceTheRequestAndItsExpiryOnlyWithTheServersCertificate(SandboxServer server,
            TestPushRelay relay) throws Exception {
        SimulatedDevice phone = EcpsFlow.sandboxDevice(server, ID_NAT);
        Scrape before = Scrape.of(server);
        Instant opened = Instant.now();

        Login login = Login.start(server, phone);

        assertThat(relay.awaitPushes(1)).as("one push, to the professional's one device").hasSize(1);
        TestPushRelay.Push push = relay.received().get(0);
        JsonNode body = JSON.readTree(push.body());
        Set<String> fields = new TreeSet<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("device_id", "expires_at", "request_id");
        assertThat(body.path("device_id").asText()).isEqualTo(phone.deviceId());
        assertThat(body.path("request_id").asText()).isEqualTo(login.pending().requestId());
        assertThat(body.path("expires_at").isIntegralNumber()).isTrue();
        assertThat(Instant.ofEpochSecond(body.path("expires_at").asLong()))
                .isBetween(opened.plusSeconds(60), Instant.now().plusSeconds(600));
        assertThat(push.body()).doesNotContain(ID_NAT).doesNotContain("\"" + login.page().code() + "\"");
        assertThat(push.client()).as("the federator's client certificate").isEqualTo(relay.federatorCertificate());

        login.approveAndComplete(server);
        Scrape after = MetricsIT.eventually(server, scrape -> MetricsIT.increase(before, scrape,
                "psc_ecps_outcomes_total", Map.of("outcome", "approved")) >= 1);
        assertThat(MetricsIT.increase(before, after, "psc_ecps_push_failures_total", Map.of())).isZero();
        assertThat(AlertRule.named(ALERT).firesBetween(before, after, 60)).as("no alert when pushes go through")
                .isFalse();
    }

    @Test
    void aRelayAnswering5xxLosesNoLoginAndIsCountedLoggedOnceAndAlerted(SandboxServer server, TestPushRelay relay)
            throws Exception {
        relay.answer(503);
        failingRelayLosesNothing(server, relay, "http_status", "push relay answered HTTP 503 for device ",
                ": not pushed");
        assertThat(relay.awaitPushes(1)).as("the relay was reached, and refused").hasSize(1);
    }

    @Test
    void anUnreachableRelayLosesNoLoginAndIsCountedLoggedOnceAndAlerted(SandboxServer server, TestPushRelay relay)
            throws Exception {
        relay.goAway();
        try {
            failingRelayLosesNothing(server, relay, "unreachable", "push relay unreachable for device ",
                    ": not pushed (ConnectException");
        } finally {
            relay.comeBack();
        }
        assertThat(relay.received()).isEmpty();
    }

    @Test
    void aSlowRelayDelaysNoLogin(SandboxServer server, TestPushRelay relay) throws Exception {
        relay.answerAfter(202, 4_000);
        SimulatedDevice phone = EcpsFlow.sandboxDevice(server, ID_NAT);
        Scrape before = Scrape.of(server);

        long started = System.nanoTime();
        Login login = Login.start(server, phone);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertThat(seconds).as("the wait page and the phone's request, while the relay takes 4 s to answer")
                .isLessThan(3);
        login.approveAndComplete(server);
        assertThat(relay.awaitPushes(1)).as("the push reached the relay all the same").hasSize(1);
        Thread.sleep(4_000); // the relay's answer
        assertThat(MetricsIT.increase(before, Scrape.of(server), "psc_ecps_push_failures_total", Map.of()))
                .as("a slow answer within the 5 s bound is no failure").isZero();
    }

    private static void failingRelayLosesNothing(SandboxServer server, TestPushRelay relay, String cause,
            String logged, String why) throws Exception {
        SimulatedDevice phone = EcpsFlow.sandboxDevice(server, ID_NAT);
        int logLines = JsonLog.lines(server).size();
        Scrape before = Scrape.of(server);

        Login login = Login.start(server, phone);
        login.approveAndComplete(server);

        Scrape after = MetricsIT.eventually(server, scrape -> MetricsIT.increase(before, scrape,
                "psc_ecps_outcomes_total", Map.of("outcome", "approved")) >= 1);
        assertThat(MetricsIT.increase(before, after, "psc_ecps_push_failures_total", Map.of("cause", cause)))
                .as("one failed push, counted by its cause").isEqualTo(1);
        assertThat(MetricsIT.increase(before, after, "psc_ecps_push_failures_total", Map.of())).isEqualTo(1);
        assertThat(MetricsIT.increase(before, after, "psc_ecps_requests_opened_total", Map.of("channel", "browser")))
                .isEqualTo(1);
        assertThat(MetricsIT.increase(before, after, "psc_ecps_outcomes_total",
                Map.of("channel", "browser", "outcome", "approved"))).as("nothing lost").isEqualTo(1);

        List<JsonNode> lines = JsonLog.await(server, logLines, line -> RELAY_LOGGER.equals(
                line.path("loggerName").asText()));
        assertThat(lines).as("the failure logged once").hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("message").asText()).startsWith(logged + phone.deviceId() + why)
                .doesNotContain(ID_NAT).doesNotContain(relay.password());
        assertThat(line.path("mdc").path("psc_device").asText()).isEqualTo(phone.deviceId());
        assertThat(line.path("mdc").path("psc_ecps_request").asText()).isEqualTo(login.pending().requestId());
        assertThat(line.toString()).doesNotContain(relay.password()).doesNotContain(ID_NAT);

        AlertRule alert = AlertRule.named(ALERT);
        assertThat(alert.terms()).extracting(AlertRule.Term::metric)
                .containsExactly("psc_ecps_push_failures_total", "psc_ecps_requests_opened_total");
        assertThat(after.names()).as("the alert's metrics are exported")
                .containsAll(alert.terms().stream().map(AlertRule.Term::metric).toList());
        assertThat(alert.firesBetween(before, after, 60)).as(alert.expr() + " on the two scrapes").isTrue();
    }

    /** A browser's e-CPS login for the idNat, to its wait page, and the request as the phone fetched it. */
    private record Login(CardBrowser browser, CardBrowser.Request request, EcpsFlow.Wait page,
            SimulatedDevice phone, DeviceApiClient.Pending pending) {

        static Login start(SandboxServer server, SimulatedDevice phone) throws Exception {
            CardBrowser browser = CardBrowser.withoutCard(server);
            CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
            EcpsFlow.Wait wait = EcpsFlow.startLogin(browser, request, ID_NAT);
            // The phone's long-poll of the device API: how the app finds its request whatever the push did.
            DeviceApiClient.Pending pending = EcpsFlow.pending(server, phone);
            assertThat(pending.choices()).contains(wait.code());
            return new Login(browser, request, wait, phone, pending);
        }

        void approveAndComplete(SandboxServer server) throws Exception {
            DeviceApiClient.Answer answer = EcpsFlow.phone(server).answer(phone, PIN, pending.requestId(),
                    page.code(), true);
            assertThat(answer.body().path("outcome").asText()).as(answer.body().toString()).isEqualTo("approved");
            assertThat(EcpsFlow.state(server, page, 5)).isEqualTo("approved");
            CardBrowser.Outcome outcome = EcpsFlow.check(browser, page);
            assertThat(outcome.redirected()).as(outcome.page()).isTrue();
            EcpsFlow.exchange(server, outcome.redirectParameters().get("code"), request);
        }
    }
}
