package org.pscfederator.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.CLIENT;
import static org.pscfederator.it.ecps.EcpsFlow.PIN;
import static org.pscfederator.it.ecps.EcpsFlow.REDIRECT;
import static org.pscfederator.it.ecps.EcpsFlow.SECRET;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.testpki.CardRequest;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * PSC's metrics on the management port, as an operator's Prometheus scrapes them: each login and refusal the test
 * makes shows under its means, outcome and reason, the e-CPS approval delay gets its sample, and no label holds a
 * professional's identifier. The sandbox is shared, so each check is a difference between two scrapes.
 */
@Tag("psc-operations")
@ExtendWith(SandboxServerExtension.class)
class MetricsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CARD_ID_NAT = "899700218896";
    private static final String STAFF_ID_NAT = "3500000001815646/CPAT00045";
    private static final String ECPS_ID_NAT = "899700366240";

    @Test
    void cardEcpsAndRefusedCertificatesShowUnderTheirMeansOutcomeAndReason(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        TestPki pki = TestPki.open(server.dataDir().resolve("pki"));
        Scrape before = Scrape.of(server);

        // A card login, and the relying service's code exchange with its (sandbox) secret.
        CardBrowser.Request cardRequest = CardBrowser.Request.of(CLIENT, REDIRECT);
        CardBrowser.Outcome card = CardBrowser.withCard(server, sandboxCard(server, CARD_ID_NAT))
                .loginWithCard(cardRequest);
        assertThat(card.redirected()).as(card.page()).isTrue();
        EcpsFlow.exchange(server, card.redirectParameters().get("code"), cardRequest);
        // A structure staff card: a card login too.
        CardBrowser.Outcome staff = CardBrowser.withCard(server, sandboxCard(server, STAFF_ID_NAT))
                .loginWithCard(CardBrowser.Request.of(CLIENT, REDIRECT));
        assertThat(staff.redirected()).as(staff.page()).isTrue();
        // An e-CPS login approved on the simulated phone.
        ecpsLogin(server);
        // A self-signed lookalike of a real card.
        CardBrowser.Outcome lookalike = CardBrowser.withCard(server,
                pki.issueLookalikeCard(CardRequest.of(ECPS_ID_NAT)).keystore())
                .loginWithCard(CardBrowser.Request.of(CLIENT, REDIRECT));
        assertThat(lookalike.page()).contains("data-reason=\"untrusted_issuer\"");
        assertThat(server.logLineNaming("card login refused: untrusted_issuer")).as("the event's fields in the log")
                .contains("psc_means=CPS").contains("psc_reason=untrusted_issuer").contains("psc_cert_serial=");
        // A relying service presenting a lookalike ORG certificate at the token endpoint.
        HttpResponse<String> refusedClient = clientCredentials(server,
                pki.issueLookalikeClient(ClientRequest.of("metrics-it-rp")).keystore());
        assertThat(refusedClient.statusCode()).as(refusedClient.body()).isEqualTo(401);
        assertThat(refusedClient.body()).contains("invalid_client");

        Scrape after = eventually(server, scrape -> increase(before, scrape, "psc_refusals_total",
                Map.of("means", "client", "reason", "untrusted_issuer")) >= 1);

        assertThat(increase(before, after, "psc_logins_total", Map.of("means", "card", "outcome", "success")))
                .isEqualTo(2);
        assertThat(increase(before, after, "psc_logins_total", Map.of("means", "ecps", "outcome", "success")))
                .isEqualTo(1);
        assertThat(increase(before, after, "psc_logins_total", Map.of("means", "card", "outcome", "refused")))
                .isEqualTo(1);
        assertThat(increase(before, after, "psc_refusals_total",
                Map.of("means", "card", "reason", "untrusted_issuer"))).isEqualTo(1);
        assertThat(increase(before, after, "psc_refusals_total",
                Map.of("means", "client", "reason", "untrusted_issuer"))).isEqualTo(1);
        assertThat(increase(before, after, "psc_token_requests_total",
                Map.of("client_auth", "tls_client_auth", "outcome", "refused", "reason", "untrusted_issuer")))
                .isEqualTo(1);
        assertThat(increase(before, after, "psc_token_requests_total",
                Map.of("client_auth", "client_secret", "outcome", "accepted"))).isEqualTo(2);
        assertThat(increase(before, after, "psc_ecps_requests_opened_total", Map.of("channel", "browser")))
                .isEqualTo(1);
        assertThat(increase(before, after, "psc_ecps_outcomes_total",
                Map.of("channel", "browser", "outcome", "approved"))).isEqualTo(1);
        assertThat(increase(before, after, "psc_ecps_approval_seconds_count", Map.of("channel", "browser")))
                .as("one sample in the approval delay histogram").isEqualTo(1);
        assertThat(after.value("psc_ecps_approval_seconds_bucket", Map.of("channel", "browser", "le", "+Inf")))
                .isEqualTo(after.value("psc_ecps_approval_seconds_count", Map.of("channel", "browser")));
        assertThat(increase(before, after, "keycloak_user_events_total", Map.of("event", "login", "error", "")))
                .as("Keycloak's own user-event metrics are on").isGreaterThanOrEqualTo(3);
    }

    @Test
    void cibaLoginShowsAsCiba(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        SimulatedDevice phone = EcpsFlow.sandboxDevice(server, ECPS_ID_NAT);
        Scrape before = Scrape.of(server);

        HttpResponse<String> started = EcpsFlow.backchannel(server, ECPS_ID_NAT, "58");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        DeviceApiClient.Pending pending = EcpsFlow.pending(server, phone);
        assertThat(EcpsFlow.phone(server).answer(phone, PIN, pending.requestId(), "58", true).body()
                .path("outcome").asText()).isEqualTo("approved");
        Thread.sleep(5_000); // the realm's CIBA polling interval
        HttpResponse<String> tokens = EcpsFlow.poll(server, JSON.readTree(started.body()).get("auth_req_id")
                .asText());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);

        Scrape after = eventually(server, scrape -> increase(before, scrape, "psc_logins_total",
                Map.of("means", "ciba", "outcome", "success")) >= 1);
        assertThat(increase(before, after, "psc_logins_total", Map.of("means", "ciba", "outcome", "success")))
                .isEqualTo(1);
        assertThat(increase(before, after, "psc_ecps_requests_opened_total", Map.of("channel", "ciba")))
                .isEqualTo(1);
        assertThat(increase(before, after, "psc_ecps_approval_seconds_count", Map.of("channel", "ciba")))
                .isEqualTo(1);
        assertThat(increase(before, after, "psc_logins_total", Map.of("means", "ecps"))).isZero();
    }

    @Test
    void noLabelHoldsAnIdentifierATokenOrASecret(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        ecpsLogin(server);
        Scrape scrape = Scrape.of(server);

        assertThat(scrape.names()).contains("psc_logins_total", "psc_refusals_total", "psc_ecps_approval_seconds",
                "psc_ecps_waits_in_progress", "psc_health_state");
        assertThat(scrape.body()).doesNotContain(ECPS_ID_NAT).doesNotContain(CARD_ID_NAT).doesNotContain(SECRET)
                .doesNotContain("eyJ");
        assertThat(scrape.labelValues()).noneMatch(value -> value.matches(".*[0-9]{9,}.*"));
    }

    static void ecpsLogin(SandboxServer server) throws Exception {
        CardBrowser browser = CardBrowser.withoutCard(server);
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
        SimulatedDevice phone = EcpsFlow.sandboxDevice(server, ECPS_ID_NAT);
        EcpsFlow.Wait wait = EcpsFlow.startLogin(browser, request, ECPS_ID_NAT);
        DeviceApiClient.Pending pending = EcpsFlow.pending(server, phone);
        DeviceApiClient.Answer answer = EcpsFlow.phone(server).answer(phone, PIN, pending.requestId(), wait.code(),
                true);
        assertThat(answer.body().path("outcome").asText()).isEqualTo("approved");
        assertThat(EcpsFlow.state(server, wait, 5)).isEqualTo("approved");
        CardBrowser.Outcome outcome = EcpsFlow.check(browser, wait);
        assertThat(outcome.redirected()).as(outcome.page()).isTrue();
        EcpsFlow.exchange(server, outcome.redirectParameters().get("code"), request);
    }

    static Path sandboxCard(SandboxServer server, String idNat) {
        return server.dataDir().resolve("pki/cards/" + idNat.replace('/', '_') + ".p12");
    }

    /** A client credentials request of the sandbox relying service, authenticated by this certificate only. */
    static HttpResponse<String> clientCredentials(SandboxServer server, Path p12) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(SandboxServer.withKeys(CardBrowser.keysOf(p12), server.caBundle()))
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(server.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + CLIENT))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static double increase(Scrape before, Scrape after, String name, Map<String, String> labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    /** Scrapes until {@code done} holds (events reach the counters as their transaction ends), for 15 s at most. */
    static Scrape eventually(SandboxServer server, java.util.function.Predicate<Scrape> done) throws Exception {
        Scrape scrape = Scrape.of(server);
        for (int attempt = 0; attempt < 30 && !done.test(scrape); attempt++) {
            Thread.sleep(500);
            scrape = Scrape.of(server);
        }
        return scrape;
    }

}
