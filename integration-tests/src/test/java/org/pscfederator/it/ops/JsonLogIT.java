package org.pscfederator.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.CLIENT;
import static org.pscfederator.it.ecps.EcpsFlow.PIN;
import static org.pscfederator.it.ecps.EcpsFlow.REDIRECT;
import static org.pscfederator.it.ecps.EcpsFlow.SECRET;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.testpki.CardRequest;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sandbox started with {@code --log-json}, as a log collector reads its console: every line a JSON object,
 * Keycloak's and the launcher's alike (the launcher's named {@code psc-sandbox}), and PSC's refusal lines carrying,
 * in their {@code mdc}, the very fields of the event they log (type, error, realm, client, address and PSC's
 * details), compared with the event the admin API returns. No token, secret or password reaches the log.
 */
@Tag("psc-operations")
@ExtendWith(OpsSandboxExtension.class)
class JsonLogIT {

    private static final String ECPS_ID_NAT = "899700366240";
    private static final String CARD_ID_NAT = "899700218896";
    /** The fields of Keycloak's JSON log lines a collector relies on. */
    private static final List<String> LINE_FIELDS = List.of("timestamp", "level", "loggerName", "message");

    @Test
    void everyLineOfTheConsoleIsAJsonObjectAndTheLaunchersAreNamedAsSuch(SandboxServer server) throws Exception {
        // A card login and a refusal first, so that the log holds more than the start.
        CardBrowser.Outcome login = CardBrowser.withCard(server, MetricsIT.sandboxCard(server, CARD_ID_NAT))
                .loginWithCard(CardBrowser.Request.of(CLIENT, REDIRECT));
        assertThat(login.redirected()).as(login.page()).isTrue();
        assertThat(CardBrowser.withoutCard(server).loginWithCard(CardBrowser.Request.of(CLIENT, REDIRECT)).page())
                .contains("data-reason=\"no_certificate\"");

        List<String> lines = JsonLog.lines(server);

        assertThat(lines).as("the server's console").hasSizeGreaterThan(20);
        for (String line : lines) {
            JsonNode parsed = JsonLog.parse(line);
            for (String field : LINE_FIELDS) {
                assertThat(parsed.has(field)).as(field + " in " + line).isTrue();
            }
        }
        List<JsonNode> parsed = lines.stream().map(JsonLog::parse).toList();
        assertThat(parsed).as("the launcher's lines, told apart by their logger")
                .anySatisfy(line -> assertThat(line.path("message").asText()).isEqualTo("psc-sandbox: ready."))
                .filteredOn(line -> line.path("message").asText().startsWith("psc-sandbox:"))
                .allSatisfy(line -> assertThat(line.path("loggerName").asText()).isEqualTo("psc-sandbox"));
        assertThat(parsed).as("Keycloak's own lines").anySatisfy(line ->
                assertThat(line.path("loggerName").asText()).startsWith("io.quarkus"));
        assertThat(parsed).as("Keycloak's JSON lines have the JSON log's mdc object")
                .filteredOn(line -> !line.path("loggerName").asText().equals("psc-sandbox")
                        && !line.path("fromText").asBoolean())
                .hasSizeGreaterThan(20)
                .allSatisfy(line -> assertThat(line.path("mdc").isObject()).as(line.toString()).isTrue());
    }

    @Test
    void aRefusedLookalikeCardsLineCarriesItsEventsFields(SandboxServer server) throws Exception {
        TestPki pki = TestPki.open(server.dataDir().resolve("pki"));
        IssuedCertificate lookalike = pki.issueLookalikeCard(CardRequest.of(ECPS_ID_NAT));
        int skip = JsonLog.lines(server).size();

        CardBrowser.Outcome refused = CardBrowser.withCard(server, lookalike.keystore())
                .loginWithCard(CardBrowser.Request.of(CLIENT, REDIRECT));

        assertThat(refused.page()).contains("data-reason=\"untrusted_issuer\"");
        String serial = lookalike.certificate().getSerialNumber().toString(16);
        JsonNode line = single(server, skip, "card login refused: untrusted_issuer", serial);
        JsonNode mdc = line.path("mdc");
        JsonNode event = eventOf(server, "LOGIN_ERROR", mdc, Map.of("psc_cert_serial", serial));
        assertThat(mdc.path("type").asText()).isEqualTo("LOGIN_ERROR");
        assertThat(mdc.path("psc_means").asText()).isEqualTo("CPS");
        assertThat(mdc.path("psc_reason").asText()).isEqualTo("untrusted_issuer");
        assertThat(mdc.path("psc_claimed_idnat").asText()).isEqualTo(ECPS_ID_NAT);
        assertThat(mdc.path("clientId").asText()).isEqualTo(CLIENT);
        assertThat(mdc.path("realmName").asText()).isEqualTo(SandboxServer.REALM);
        assertSameFields(mdc, event);
        assertThat(line.path("message").asText()).contains("psc_reason=untrusted_issuer")
                .contains("psc_cert_serial=" + serial);
    }

    @Test
    void aRefusedClientCertificatesLineCarriesItsEventsFields(SandboxServer server) throws Exception {
        TestPki pki = TestPki.open(server.dataDir().resolve("pki"));
        IssuedCertificate lookalike = pki.issueLookalikeClient(ClientRequest.of("json-log-it-rp"));
        int skip = JsonLog.lines(server).size();

        HttpResponse<String> refused = MetricsIT.clientCredentials(server, lookalike.keystore());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        String serial = lookalike.certificate().getSerialNumber().toString(16);
        JsonNode line = single(server, skip, "client " + CLIENT + " refused: untrusted_issuer", serial);
        JsonNode mdc = line.path("mdc");
        JsonNode event = eventOf(server, "CLIENT_LOGIN_ERROR", mdc, Map.of("psc_cert_serial", serial));
        assertThat(mdc.path("type").asText()).isEqualTo("CLIENT_LOGIN_ERROR");
        assertThat(mdc.path("error").asText()).isEqualTo("invalid_client_credentials");
        assertThat(mdc.path("psc_reason").asText()).isEqualTo("untrusted_issuer");
        assertThat(mdc.path("clientId").asText()).isEqualTo(CLIENT);
        assertSameFields(mdc, event);
    }

    @Test
    void aDeniedEcpsLoginsLineCarriesItsEventsFieldsAndNoSecret(SandboxServer server, TestPushRelay relay)
            throws Exception {
        SimulatedDevice phone = EcpsFlow.sandboxDevice(server, ECPS_ID_NAT);
        CardBrowser browser = CardBrowser.withoutCard(server);
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
        int skip = JsonLog.lines(server).size();

        EcpsFlow.Wait wait = EcpsFlow.startLogin(browser, request, ECPS_ID_NAT);
        DeviceApiClient.Pending pending = EcpsFlow.pending(server, phone);
        DeviceApiClient.Answer denied = EcpsFlow.phone(server).answer(phone, PIN, pending.requestId(), wait.code(),
                false);
        assertThat(denied.body().path("outcome").asText()).as(denied.body().toString()).isEqualTo("denied");
        assertThat(EcpsFlow.state(server, wait, 5)).isEqualTo("denied");
        CardBrowser.Outcome refused = EcpsFlow.check(browser, wait);
        EcpsFlow.assertNoSession(browser, refused);

        JsonNode line = single(server, skip, "e-CPS login refused: denied", pending.requestId());
        JsonNode mdc = line.path("mdc");
        JsonNode event = eventOf(server, "LOGIN_ERROR", mdc, Map.of("psc_ecps_request", pending.requestId()));
        assertThat(mdc.path("type").asText()).isEqualTo("LOGIN_ERROR");
        assertThat(mdc.path("psc_means").asText()).isEqualTo("e-CPS");
        assertThat(mdc.path("psc_reason").asText()).isEqualTo("denied");
        assertThat(mdc.path("psc_idnat").asText()).isEqualTo(ECPS_ID_NAT);
        assertThat(mdc.path("psc_ecps_request").asText()).isEqualTo(pending.requestId());
        assertSameFields(mdc, event);

        // What the docs say never reaches the log: tokens, secrets, passwords, the device's PIN and key.
        String log = String.join("\n", JsonLog.lines(server));
        assertThat(log).doesNotContain(SECRET).doesNotContain(SandboxServer.ADMIN_PASSWORD)
                .doesNotContain(relay.password()).doesNotContain("eyJ").doesNotContain("\"pin\"")
                .doesNotContain("psc_code=").doesNotContain(" PIN " + PIN);
    }

    /** The PSC details and the event's own fields that the event has, the same in the line's mdc. */
    private static void assertSameFields(JsonNode mdc, JsonNode event) {
        event.path("details").fields().forEachRemaining(detail -> {
            if (detail.getKey().startsWith("psc_")) {
                assertThat(mdc.path(detail.getKey()).asText()).as(detail.getKey()).isEqualTo(detail.getValue().asText());
            }
        });
        for (String field : List.of("id", "type", "error", "realmId", "clientId", "userId", "ipAddress")) {
            if (event.hasNonNull(field)) {
                assertThat(mdc.path(field).asText()).as(field).isEqualTo(event.path(field).asText());
            }
        }
        assertThat(mdc.path("type").asText()).isNotEmpty();
        assertThat(mdc.path("realmId").asText()).isNotEmpty();
    }

    private static JsonNode single(SandboxServer server, int skip, String prefix, String naming) throws Exception {
        List<JsonNode> lines = JsonLog.await(server, skip, line -> line.path("message").asText().startsWith(prefix)
                && line.toString().contains(naming));
        assertThat(lines).as("one line '" + prefix + "...' naming " + naming).hasSize(1);
        return lines.get(0);
    }

    /** The stored event the line logs, found by the id in its mdc among those of this type with these details. */
    private static JsonNode eventOf(SandboxServer server, String type, JsonNode mdc, Map<String, String> details)
            throws Exception {
        List<JsonNode> events = EcpsFlow.events(server, type, details);
        assertThat(events).as("the " + type + " events").isNotEmpty();
        List<JsonNode> logged = events.stream().filter(event -> event.path("id").asText()
                .equals(mdc.path("id").asText())).toList();
        assertThat(logged).as("the event of id " + mdc.path("id") + " among " + events).hasSize(1);
        return logged.get(0);
    }
}
