package org.pscfederator.it.ecps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.it.harness.SignedJwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * OpenID CIBA Core 1.0 in poll mode, at PSC's path, against the real server: the relying service asks with the idNat as
 * login_hint and a 2-digit binding message, the simulated phone approves with that code, the token endpoint answers.
 * An unknown login_hint looks the same to the caller as a known one until the professional approves.
 */
@Tag("psc-ecps")
@Tag("oidc-ciba")
@ExtendWith(SandboxServerExtension.class)
class EcpsCibaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID_NAT = "899700366240";

    @Test
    void cibaLoginApprovedOnThePhoneAndAnUnknownHintLooksTheSame(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        SimulatedDevice phone = sandboxDevice(server, ID_NAT);

        HttpResponse<String> known = backchannel(server, ID_NAT, "47");
        HttpResponse<String> unknown = backchannel(server, "899999999990", "47");

        assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(200);
        JsonNode knownBody = JSON.readTree(known.body());
        JsonNode unknownBody = JSON.readTree(unknown.body());
        assertThat(fieldNames(unknownBody)).isEqualTo(fieldNames(knownBody));
        assertThat(unknownBody.get("expires_in")).isEqualTo(knownBody.get("expires_in"));
        HttpResponse<String> knownPending = poll(server, knownBody.get("auth_req_id").asText());
        HttpResponse<String> unknownPending = poll(server, unknownBody.get("auth_req_id").asText());
        assertThat(knownPending.statusCode()).isEqualTo(400);
        assertThat(unknownPending.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownPending.body()).get("error"))
                .isEqualTo(JSON.readTree(knownPending.body()).get("error"));
        assertThat(JSON.readTree(knownPending.body()).get("error").asText()).isEqualTo("authorization_pending");

        DeviceApiClient.Pending pending = pending(server, phone);
        assertThat(pending.bindingMessage()).isEqualTo("47");
        assertThat(pending.choices()).hasSize(3).contains("47");
        DeviceApiClient.Answer answer = phone(server).answer(phone, PIN, pending.requestId(), "47", true);
        assertThat(answer.body().path("outcome").asText()).isEqualTo("approved");

        Thread.sleep(5_000); // the realm's CIBA polling interval
        HttpResponse<String> tokens = poll(server, knownBody.get("auth_req_id").asText());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode idToken = SignedJwt.verified(server, JSON.readTree(tokens.body()).get("id_token").asText());
        assertThat(idToken.get("SubjectNameID").asText()).isEqualTo(ID_NAT);
        assertThat(idToken.get("amr").toString()).isEqualTo("[\"swk\",\"pin\",\"mfa\"]");
        HttpResponse<String> userinfo = server.get(server.realmUrl() + "/protocol/openid-connect/userinfo",
                JSON.readTree(tokens.body()).get("access_token").asText());
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(SignedJwt.verified(server, userinfo.body()).get("SubjectNameID").asText()).isEqualTo(ID_NAT);

        HttpResponse<String> stillPending = poll(server, unknownBody.get("auth_req_id").asText());
        assertThat(JSON.readTree(stillPending.body()).get("error").asText())
                .as("nobody approves for an unknown identifier").isIn("authorization_pending", "slow_down");
    }

    @Test
    void cibaDeniedOnThePhoneGivesNoToken(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899700427869";
        SimulatedDevice phone = sandboxDevice(server, idNat);
        HttpResponse<String> started = backchannel(server, idNat, "31");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

        DeviceApiClient.Pending pending = pending(server, phone);
        String wrong = pending.choices().stream().filter(code -> !code.equals("31")).findFirst().orElseThrow();
        assertThat(phone(server).answer(phone, PIN, pending.requestId(), wrong, true).body().path("outcome").asText())
                .isEqualTo("wrong_code");

        Thread.sleep(5_000);
        HttpResponse<String> denied = poll(server, JSON.readTree(started.body()).get("auth_req_id").asText());
        assertThat(denied.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(denied.body()).get("error").asText()).isEqualTo("access_denied");
        assertThat(events(server, "LOGIN_ERROR", Map.of("psc_reason", "wrong_code", "psc_device", phone.deviceId())))
                .isNotEmpty();
    }

    /**
     * PSC's CIBA: the binding message is two digits, the level eidas1, the channel the phone. Anything else is an
     * OAuth error that says what is wrong, and no request reaches the professional's phone.
     */
    @Test
    void cibaRequestOutsidePscsRulesIsRefusedAndReachesNoPhone(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000318";
        SimulatedDevice phone = sandboxDevice(server, idNat);
        String base = "client_id=" + CLIENT + "&client_secret=" + SECRET + "&login_hint=" + idNat + "&scope="
                + java.net.URLEncoder.encode("openid scope_all", java.nio.charset.StandardCharsets.UTF_8);
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("acr_values=0", base + "&binding_message=42&acr_values=0");
        refused.put("3-digit binding message", base + "&binding_message=423&acr_values=eidas1");
        refused.put("no binding message", base + "&acr_values=eidas1");
        refused.put("channel=CARD", base + "&binding_message=42&acr_values=eidas1&channel=CARD");
        refused.put("channel=FAX", base + "&binding_message=42&acr_values=eidas1&channel=FAX");
        // Another test may have left a request of its own for this professional: the refused ones must add none.
        List<String> before = phone(server).outstanding(phone, 1).stream().map(DeviceApiClient.Pending::requestId)
                .toList();

        for (Map.Entry<String, String> request : refused.entrySet()) {
            HttpResponse<String> answer = postForm(server, "ext/ciba/auth", request.getValue());
            assertThat(answer.statusCode()).as(request.getKey() + ": " + answer.body()).isEqualTo(400);
            JsonNode error = JSON.readTree(answer.body());
            assertThat(error.path("error").asText()).as(request.getKey())
                    .isIn("invalid_request", "invalid_binding_message");
            assertThat(error.path("error_description").asText()).as(request.getKey()).isNotBlank();
            assertThat(answer.body()).doesNotContain("auth_req_id");
        }
        assertThat(JSON.readTree(postForm(server, "ext/ciba/auth", refused.get("channel=CARD")).body())
                .path("error_description").asText()).contains("CARD");
        assertThat(JSON.readTree(postForm(server, "ext/ciba/auth", refused.get("3-digit binding message")).body())
                .path("error").asText()).isEqualTo("invalid_binding_message");
        assertThat(phone(server).outstanding(phone, 1)).extracting(DeviceApiClient.Pending::requestId)
                .as("no request reached the phone").containsExactlyInAnyOrderElementsOf(before);

        HttpResponse<String> mobile = postForm(server, "ext/ciba/auth",
                base + "&binding_message=42&acr_values=eidas1&channel=MOBILE");
        assertThat(mobile.statusCode()).as("channel=MOBILE is the phone: " + mobile.body()).isEqualTo(200);
        assertThat(phone(server).outstanding(phone, 5)).extracting(DeviceApiClient.Pending::bindingMessage)
                .contains("42");
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
