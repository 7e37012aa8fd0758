package org.pscfederator.ecps.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import org.pscfederator.core.certificates.PemTrust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real HTTPS client of the e-CPS device API ({@code <server>/realms/esante-wallet/psc-ecps/v1/...}), trusting
 * only the given CA bundle. What the simulator and the tests use to be the phone.
 */
public final class DeviceApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String server;
    private final String api;
    private final HttpClient client;

    /** @param server the server's base URL with its path prefix, e.g. {@code https://localhost:8443/auth} */
    public DeviceApiClient(String server, String realm, Path caBundle) {
        this(server, realm, trusting(caBundle));
    }

    /** The same with a TLS context of the caller's (the bench's trust). */
    public DeviceApiClient(String server, String realm, SSLContext tls) {
        this.server = server.replaceAll("/$", "");
        this.api = this.server + "/realms/" + realm + "/psc-ecps/v1/";
        this.client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A request waiting on the phone: three codes, one of them shown on the login page. */
    public record Pending(String requestId, List<String> choices, String clientName, String bindingMessage,
            long expiresAt) {
    }

    /** An API answer: status and JSON body (empty object when none). */
    public record Answer(int status, JsonNode body) {
        public String error() {
            return body.path("error").asText("");
        }
    }

    public Answer requestContactCode(String idNat) {
        return send(json(HttpRequest.newBuilder(URI.create(api + "activation/contact")), Map.of("id_nat", idNat)));
    }

    /** Registers the device with an activation code; remembers its new id. */
    public Answer register(SimulatedDevice device, String activationCode, String label) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id_nat", device.idNat());
        body.put("activation_code", activationCode);
        body.put("public_jwk", device.publicJwk());
        body.put("label", label);
        Answer answer = send(json(HttpRequest.newBuilder(URI.create(api + "devices")), body));
        if (answer.status() == 201) {
            device.registered(answer.body().path("device_id").asText());
        }
        return answer;
    }

    /** Enrols the device directly, as an administrator (the sandbox's first start). */
    public Answer registerAsAdmin(SimulatedDevice device, String label, String adminToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id_nat", device.idNat());
        body.put("public_jwk", device.publicJwk());
        body.put("label", label);
        Answer answer = send(json(HttpRequest.newBuilder(URI.create(api + "admin/devices")), body)
                .header("Authorization", "Bearer " + adminToken));
        if (answer.status() == 201) {
            device.registered(answer.body().path("device_id").asText());
        }
        return answer;
    }

    /** The professional's devices, revoked ones included (administrator). */
    public Answer devicesAsAdmin(String idNat, String adminToken) {
        return send(HttpRequest.newBuilder(URI.create(api + "admin/devices?id_nat=" + encode(idNat)))
                .header("Authorization", "Bearer " + adminToken).GET());
    }

    /** Revokes a device (administrator). */
    public Answer revokeAsAdmin(String deviceId, String adminToken) {
        return send(HttpRequest.newBuilder(URI.create(api + "admin/devices/" + encode(deviceId)))
                .header("Authorization", "Bearer " + adminToken).DELETE());
    }

    /** Waits up to {@code waitSeconds} for a request for the device's professional: the newest. */
    public Optional<Pending> pending(SimulatedDevice device, int waitSeconds) {
        return waitForPending(device, waitSeconds).map(DeviceApiClient::pendingOf);
    }

    /**
     * Every request waiting for the professional, the newest first: one per source (browser address or relying
     * service), so that the professional picks theirs by service name and code.
     */
    public List<Pending> outstanding(SimulatedDevice device, int waitSeconds) {
        List<Pending> all = new ArrayList<>();
        waitForPending(device, waitSeconds).ifPresent(body -> body.path("requests")
                .forEach(request -> all.add(pendingOf(request))));
        return all;
    }

    private Optional<JsonNode> waitForPending(SimulatedDevice device, int waitSeconds) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(api + "device/pending?wait=" + waitSeconds))
                .timeout(Duration.ofSeconds(waitSeconds + 30))
                .header("Authorization", "PSC-Device " + DeviceSigner.proof(device.deviceId(), device.proofKey(),
                        "GET", "device/pending")).GET());
        if (answer.status() == 204) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw new SimulatorException("pending request: HTTP " + answer.status() + " " + answer.error());
        }
        return Optional.of(answer.body());
    }

    private static Pending pendingOf(JsonNode request) {
        List<String> choices = new ArrayList<>();
        request.path("choices").forEach(choice -> choices.add(choice.asText()));
        return new Pending(request.path("request_id").asText(), choices, request.path("client_name").asText(),
                request.path("binding_message").asText(), request.path("expires_at").asLong());
    }

    /** Sends a signed answer as it is (the tests send forged and replayed ones through here too). */
    public Answer sendAnswer(String compactJws) {
        return send(HttpRequest.newBuilder(URI.create(api + "approvals")).header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofString(compactJws)));
    }

    /** Unlocks the key with the PIN and answers the request. */
    public Answer answer(SimulatedDevice device, String pin, String requestId, String code, boolean approve) {
        return sendAnswer(DeviceSigner.answer(device.deviceId(), device.unlock(pin), requestId, code, approve));
    }

    public Answer devices(SimulatedDevice device) {
        return send(HttpRequest.newBuilder(URI.create(api + "devices")).header("Authorization", "PSC-Device "
                + DeviceSigner.proof(device.deviceId(), device.proofKey(), "GET", "devices")).GET());
    }

    public Answer revoke(SimulatedDevice device, String deviceId) {
        return send(HttpRequest.newBuilder(URI.create(api + "devices/" + encode(deviceId))).header("Authorization",
                "PSC-Device " + DeviceSigner.proof(device.deviceId(), device.proofKey(), "DELETE",
                        "devices/" + deviceId)).DELETE());
    }

    /** The sandbox outbox's last activation message for this idNat (administrator). */
    public Answer outbox(String idNat, String adminToken) {
        return send(HttpRequest.newBuilder(URI.create(api + "admin/outbox/" + encode(idNat)))
                .header("Authorization", "Bearer " + adminToken).GET());
    }

    /** An access token of the master realm's admin (sandbox tooling only). */
    public String adminToken(String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin"
                        + "&password=" + encode(password))).build();
        Answer answer = send(request);
        if (answer.status() != 200) {
            throw new SimulatorException("admin login answered HTTP " + answer.status());
        }
        return answer.body().path("access_token").asText();
    }

    private Answer send(HttpRequest.Builder request) {
        return send(request.build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpRequest timed = request.timeout().isPresent() ? request
                    : HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = client.send(timed, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isBlank() ? JSON.createObjectNode()
                    : parse(body));
        } catch (IOException e) {
            throw new SimulatorException("cannot reach " + request.uri() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorException("interrupted");
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("error", "not_json");
        }
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request, Object body) {
        try {
            return request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new SimulatorException(e.getMessage());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static SSLContext trusting(Path pemBundle) {
        try {
            return PemTrust.sslContext(null, pemBundle);
        } catch (IOException e) {
            throw new SimulatorException("cannot trust " + pemBundle + ": " + e.getMessage());
        }
    }
}
