package org.pscfederator.it.ecps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.DeviceSigner;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.nimbusds.jose.jwk.ECKey;

/**
 * PSC e-CPS login, every bad input below against the real server: each is refused, leaves an event, and lets
 * nobody in. Each test uses an identity of its own, so one outstanding request per identity does not mix them.
 */
@Tag("psc-ecps")
@ExtendWith(SandboxServerExtension.class)
class EcpsBadInputIT {

    @TempDir
    Path devices;

    private static CardBrowser.Request request() {
        return CardBrowser.Request.of(CLIENT, REDIRECT);
    }

    @Test
    void approvalSignedByAnotherDevicesKeyIsRefused(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899700218896";
        SimulatedDevice victim = sandboxDevice(server, idNat);
        SimulatedDevice attacker = enrolledDevice(server, "899700427869", devices);
        CardBrowser browser = CardBrowser.withoutCard(server);
        Wait wait = startLogin(browser, request(), idNat);
        DeviceApiClient.Pending pending = pending(server, victim);

        // The attacker's key, under the victim device's id.
        String forged = DeviceSigner.answer(victim.deviceId(), attacker.unlock(PIN), pending.requestId(),
                wait.code(), true);
        DeviceApiClient.Answer answer = phone(server).sendAnswer(forged);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).isEqualTo("bad_signature");
        assertThat(state(server, wait, 0)).isEqualTo("pending");
        assertNoSession(browser, check(browser, wait));
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "bad_signature", "psc_means", "e-CPS")))
                .isNotEmpty();
    }

    @Test
    void replayedApprovalIsRefused(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000110";
        SimulatedDevice phone = sandboxDevice(server, idNat);
        CardBrowser first = CardBrowser.withoutCard(server);
        Wait firstWait = startLogin(first, request(), idNat);
        String approval = DeviceSigner.answer(phone.deviceId(), phone.unlock(PIN), pending(server, phone).requestId(),
                firstWait.code(), true);
        assertThat(phone(server).sendAnswer(approval).status()).isEqualTo(200);
        assertThat(check(first, firstWait).redirected()).isTrue();

        CardBrowser second = CardBrowser.withoutCard(server);
        Wait secondWait = startLogin(second, request(), idNat);
        DeviceApiClient.Answer replayed = phone(server).sendAnswer(approval);

        assertThat(replayed.status()).isEqualTo(409);
        assertThat(replayed.error()).isEqualTo("replayed");
        assertThat(state(server, secondWait, 0)).isEqualTo("pending");
        assertNoSession(second, check(second, secondWait));
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "replayed", "psc_device", phone.deviceId())))
                .isNotEmpty();
    }

    @Test
    void approvalAfterExpiryIsRefusedAndAnUnknownIdentifierLooksTheSame(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String known = "899900000219";
        String unknown = "899999999990";
        SimulatedDevice phone = sandboxDevice(server, known);
        Map<String, String> previous = realmAttributes(server, Map.of("pscEcpsRequestSeconds", "10"));
        try {
            CardBrowser knownBrowser = CardBrowser.withoutCard(server);
            CardBrowser unknownBrowser = CardBrowser.withoutCard(server);
            Wait knownWait = startLogin(knownBrowser, request(), known);
            Wait unknownWait = startLogin(unknownBrowser, request(), unknown);
            String knownPage = normalised(knownWait.page().page());
            String unknownPage = normalised(unknownWait.page().page());
            assertThat(unknownPage).as("the same page for an unknown identifier: "
                    + firstDifference(knownPage, unknownPage)).isEqualTo(knownPage);
            DeviceApiClient.Pending pending = pending(server, phone);

            Thread.sleep(11_000);
            DeviceApiClient.Answer late = phone(server).answer(phone, PIN, pending.requestId(), knownWait.code(), true);

            assertThat(late.status()).isEqualTo(404);
            assertThat(late.error()).isEqualTo("unknown_or_expired_request");
            assertThat(state(server, knownWait, 0)).isEqualTo("expired");
            assertThat(state(server, unknownWait, 0)).isEqualTo("expired");
            CardBrowser.Outcome knownEnd = check(knownBrowser, knownWait);
            CardBrowser.Outcome unknownEnd = check(unknownBrowser, unknownWait);
            assertNoSession(knownBrowser, knownEnd);
            assertNoSession(unknownBrowser, unknownEnd);
            assertThat(knownEnd.page()).contains("data-reason=\"expired\"").contains("a expiré");
            assertThat(normalised(unknownEnd.page())).as(firstDifference(normalised(knownEnd.page()),
                    normalised(unknownEnd.page()))).isEqualTo(normalised(knownEnd.page()));
            assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "unknown_or_expired_request",
                    "psc_device", phone.deviceId()))).isNotEmpty();
            assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "expired", "psc_idnat", unknown)))
                    .isNotEmpty();
        } finally {
            realmAttributes(server, previous);
        }
    }

    @Test
    void twoApprovalsAtOnceOnlyOneCounts(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000318";
        SimulatedDevice phone = sandboxDevice(server, idNat);
        CardBrowser browser = CardBrowser.withoutCard(server);
        Wait wait = startLogin(browser, request(), idNat);
        String requestId = pending(server, phone).requestId();
        ECKey key = phone.unlock(PIN);
        String approve = DeviceSigner.answer(phone.deviceId(), key, requestId, wait.code(), true);
        String deny = DeviceSigner.answer(phone.deviceId(), key, requestId, null, false);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<DeviceApiClient.Answer>> answers;
        try {
            answers = pool.invokeAll(List.<Callable<DeviceApiClient.Answer>>of(
                    () -> phone(server).sendAnswer(approve), () -> phone(server).sendAnswer(deny)));
        } finally {
            pool.shutdown();
        }
        DeviceApiClient.Answer approved = answers.get(0).get();
        DeviceApiClient.Answer denied = answers.get(1).get();

        assertThat(List.of(approved.status(), denied.status())).containsExactlyInAnyOrder(200, 409);
        DeviceApiClient.Answer refused = approved.status() == 409 ? approved : denied;
        assertThat(refused.error()).isEqualTo("already_decided");
        CardBrowser.Outcome end = check(browser, wait);
        if (approved.status() == 200) {
            assertThat(end.redirected()).as("the approval counted").isTrue();
        } else {
            assertNoSession(browser, end);
            assertThat(end.page()).contains("data-reason=\"denied\"");
        }
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "already_decided",
                "psc_device", phone.deviceId()))).isNotEmpty();
    }

    @Test
    void tamperedRequestIdIsRefused(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String victimIdNat = "899900000417";
        SimulatedDevice victim = sandboxDevice(server, victimIdNat);
        SimulatedDevice other = sandboxDevice(server, "899900000516");
        CardBrowser browser = CardBrowser.withoutCard(server);
        Wait wait = startLogin(browser, request(), victimIdNat);
        String requestId = pending(server, victim).requestId();

        // Another professional's device answers the victim's request; then a request id altered by one character.
        DeviceApiClient.Answer foreign = phone(server).answer(other, PIN, requestId, wait.code(), true);
        String altered = (requestId.charAt(0) == 'a' ? "b" : "a") + requestId.substring(1);
        DeviceApiClient.Answer tampered = phone(server).answer(victim, PIN, altered, wait.code(), true);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.error()).isEqualTo("unknown_or_expired_request");
        assertThat(tampered.status()).isEqualTo(404);
        assertThat(state(server, wait, 0)).isEqualTo("pending");
        assertNoSession(browser, check(browser, wait));
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "unknown_or_expired_request",
                "psc_device", other.deviceId()))).isNotEmpty();
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "unknown_or_expired_request",
                "psc_device", victim.deviceId()))).isNotEmpty();
    }

    /**
     * A genuine approval of a pending request, re-sent unsigned ({@code alg: none}) and as HS256 keyed with the
     * device's public key (the registered JWK, then its DER encoding): the algorithm-confusion forgeries of RFC 8725
     * §2.1. Each is refused before its claims count; the request stays pending.
     */
    @Test
    void approvalUnsignedOrHmacKeyedWithTheDevicesPublicKeyIsRefused(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000813";
        SimulatedDevice phone = sandboxDevice(server, idNat);
        CardBrowser browser = CardBrowser.withoutCard(server);
        Wait wait = startLogin(browser, request(), idNat);
        DeviceApiClient.Pending pending = pending(server, phone);
        String[] genuine = DeviceSigner.answer(phone.deviceId(), phone.unlock(PIN), pending.requestId(), wait.code(),
                true).split("\\.");
        ECKey publicKey = phone.unlock(PIN).toPublicJWK();
        int before = events(server, "LOGIN_ERROR", Map.of("psc_reason", "malformed_jws")).size();

        List<String> forgeries = List.of(
                withAlgorithm(genuine, "none") + ".",
                hmac(withAlgorithm(genuine, "HS256"), publicKey.toJSONString().getBytes(StandardCharsets.UTF_8)),
                hmac(withAlgorithm(genuine, "HS256"), publicKey.toECPublicKey().getEncoded()));
        for (String forged : forgeries) {
            DeviceApiClient.Answer answer = phone(server).sendAnswer(forged);
            assertThat(answer.status()).as(forged).isEqualTo(400);
            assertThat(answer.error()).isEqualTo("malformed_jws");
        }

        assertThat(state(server, wait, 0)).isEqualTo("pending");
        assertNoSession(browser, check(browser, wait));
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "malformed_jws")))
                .hasSize(before + forgeries.size());
    }

    /** The genuine JWS's header with another alg, and its payload unchanged: {@code header.payload}. */
    private static String withAlgorithm(String[] genuine, String alg) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode header = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(Base64.getUrlDecoder().decode(genuine[0]));
        header.put("alg", alg);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(header)) + "."
                + genuine[1];
    }

    private static String hmac(String signingInput, byte[] secret) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-jws", "a.b.c", "eyJhbGciOiJub25lIn0.eyJ0eXAiOiJwc2MtZWNwcy1hcHByb3ZhbCJ9.",
            "eyJhbGciOiJIUzI1NiIsImtpZCI6IngifQ.eyJ0eXAiOiJwc2MtZWNwcy1hcHByb3ZhbCJ9.c2lnbmF0dXJl"})
    void malformedJwsIsRefused(String body, SandboxServer server) throws Exception {
        int before = events(server, "LOGIN_ERROR", Map.of("psc_reason", "malformed_jws")).size();

        DeviceApiClient.Answer answer = phone(server).sendAnswer(body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("malformed_jws");
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "malformed_jws"))).hasSize(before + 1);
    }

    @Test
    void wrongCodeChosenOnThePhoneEndsTheRequest(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000615";
        SimulatedDevice phone = sandboxDevice(server, idNat);
        CardBrowser browser = CardBrowser.withoutCard(server);
        Wait wait = startLogin(browser, request(), idNat);
        DeviceApiClient.Pending pending = pending(server, phone);
        String wrong = pending.choices().stream().filter(code -> !code.equals(wait.code())).findFirst().orElseThrow();

        DeviceApiClient.Answer answer = phone(server).answer(phone, PIN, pending.requestId(), wrong, true);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("outcome").asText()).isEqualTo("wrong_code");
        assertThat(state(server, wait, 5)).isEqualTo("wrong_code");
        DeviceApiClient.Answer second = phone(server).answer(phone, PIN, pending.requestId(), wait.code(), true);

        CardBrowser.Outcome end = check(browser, wait);
        assertThat(second.status()).as("the request is over: a second try does not count").isIn(404, 409);
        assertNoSession(browser, end);
        assertThat(end.page()).contains("data-reason=\"wrong_code\"").contains("Envoyer une nouvelle demande");
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "wrong_code", "psc_idnat", idNat,
                "psc_device", phone.deviceId()))).isNotEmpty();

        CardBrowser.Outcome retry = browser.submit(end, "psc-ecps-retry", "ecps_step=retry");
        assertThat(waitPage(retry).code()).as("the retry sends a new request").matches("[0-9]{2}");
    }

    @Test
    void deniedRequestSaysSoInFrench(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900001019";
        SimulatedDevice phone = sandboxDevice(server, idNat);
        CardBrowser browser = CardBrowser.withoutCard(server);
        Wait wait = startLogin(browser, request(), idNat);

        DeviceApiClient.Answer answer = phone(server).answer(phone, PIN, pending(server, phone).requestId(), null,
                false);

        assertThat(answer.body().path("outcome").asText()).isEqualTo("denied");
        CardBrowser.Outcome end = check(browser, wait);
        assertNoSession(browser, end);
        assertThat(end.page()).contains("data-reason=\"denied\"").contains("Vous avez refusé");
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "denied", "psc_idnat", idNat))).isNotEmpty();
    }

    @Test
    void revokedDeviceCannotApprove(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000714";
        SimulatedDevice revoked = enrolledDevice(server, idNat, devices);
        SimulatedDevice lateRevoked = enrolledDevice(server, idNat, devices);
        SimulatedDevice sandbox = sandboxDevice(server, idNat);
        assertThat(phone(server).revoke(sandbox, revoked.deviceId()).status()).as("revoked from another device")
                .isEqualTo(200);

        CardBrowser browser = CardBrowser.withoutCard(server);
        Wait wait = startLogin(browser, request(), idNat);
        String requestId = pending(server, sandbox).requestId();
        DeviceApiClient.Answer answer = phone(server).answer(revoked, PIN, requestId, wait.code(), true);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.error()).isEqualTo("device_revoked");
        assertThat(phone(server).devices(revoked).status()).as("a revoked device cannot even list").isEqualTo(403);
        assertThat(state(server, wait, 0)).isEqualTo("pending");
        CardBrowser.Outcome stillWaiting = check(browser, wait);
        assertNoSession(browser, stillWaiting);
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "device_revoked",
                "psc_device", revoked.deviceId()))).isNotEmpty();

        // Revoked between its approval and the page's continuation: the login does not complete either.
        assertThat(phone(server).answer(lateRevoked, PIN, requestId, wait.code(), true).body().path("outcome")
                .asText()).isEqualTo("approved");
        assertThat(server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.realmUrl()
                        + "/psc-ecps/v1/admin/devices/" + lateRevoked.deviceId()))
                .header("Authorization", "Bearer " + server.adminToken()).DELETE().build()).statusCode())
                .isEqualTo(200);
        // The page shown now is the wait page the first check answered with; its form is the one to submit.
        CardBrowser.Outcome end = check(browser, waitPage(stillWaiting));
        assertNoSession(browser, end);
        assertThat(end.page()).contains("data-reason=\"device_revoked\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"899700366240' OR '1'='1", "<script>alert(1)</script>", "../../etc/passwd",
            "899700366240\r\nSet-Cookie: x=y", "8997%00", "${jndi:ldap://x/a}", "899700366240;DROP TABLE USER_ENTITY"})
    void identifierWithInjectionCharactersIsRefusedBeforeAnyLookup(String typed, SandboxServer server)
            throws Exception {
        int before = events(server, "LOGIN_ERROR", Map.of("psc_reason", "invalid_identifier")).size();
        CardBrowser browser = CardBrowser.withoutCard(server);

        CardBrowser.Outcome page = identify(browser, request(), typed);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.page()).contains("data-reason=\"invalid_identifier\"").contains("n&#39;est pas valide")
                .doesNotContain("<script>alert(1)").doesNotContain("psc-ecps-code");
        assertNoSession(browser, page);
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "invalid_identifier"))).hasSize(before + 1);
    }

    @Test
    void pushFloodHitsTheLimitPerIdentifier(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000912";
        // The limit counts per minute: start early in one, so the six pushes fall in the same.
        long second = Instant.now().getEpochSecond() % 60;
        if (second > 40) {
            Thread.sleep((61 - second) * 1000);
        }
        // The sandbox relaxes the limit for the benchmark; production's 5 per minute for this test.
        Map<String, String> previous = realmAttributes(server, Map.of("pscEcpsPushesPerIdNatPerMinute", "5"));
        CardBrowser browser = CardBrowser.withoutCard(server);
        CardBrowser.Outcome limited;
        try {
            for (int i = 0; i < 5; i++) {
                waitPage(identify(browser, request(), idNat));
            }
            limited = identify(browser, request(), idNat);
        } finally {
            realmAttributes(server, previous);
        }

        assertNoSession(browser, limited);
        assertThat(limited.page()).contains("data-reason=\"too_many_pushes_identifier\"")
                .contains("Patientez une minute").doesNotContain("psc-ecps-code");
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "too_many_pushes_identifier",
                "psc_idnat", idNat))).isNotEmpty();
    }

    @Test
    void pushFloodHitsTheLimitPerAddress(SandboxServer server) throws Exception {
        // Every test client comes from 127.0.0.1: a limit of 2 for this test, whatever else ran this minute.
        Map<String, String> previous = realmAttributes(server, Map.of("pscEcpsPushesPerAddressPerMinute", "2"));
        CardBrowser browser = CardBrowser.withoutCard(server);
        CardBrowser.Outcome last;
        try {
            for (int i = 0; i < 2; i++) {
                identify(browser, request(), "89999999" + (1000 + i));
            }
            last = identify(browser, request(), "899999993000");
        } finally {
            realmAttributes(server, previous);
        }

        assertNoSession(browser, last);
        assertThat(last.page()).contains("data-reason=\"too_many_pushes_address\"")
                .contains("depuis votre connexion").doesNotContain("psc-ecps-code");
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "too_many_pushes_address",
                "psc_idnat", "899999993000"))).isNotEmpty();
    }

    static String normalised(String page) {
        return page.replaceAll("id=\"psc-ecps-code\">[0-9]{2}<", "CODE")
                .replaceAll("data-wait-url=\"[^\"]*\"", "WAIT")
                .replaceAll("action=\"[^\"]*\"", "ACTION")
                .replaceAll("href=\"[^\"]*\"", "HREF")
                .replaceAll("(tab_id|client_data|session_code|execution|client_id)=[^&\"]*", "$1=X");
    }

    static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Date now() {
        return new Date();
    }
}
