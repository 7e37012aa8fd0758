package org.pscfederator.it.ecps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.ecps.simulator.SimulatorCommand;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.PscEndpoint;
import org.pscfederator.it.harness.SandboxServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The e-CPS login as the tests drive it: a browser on PSC's pages, and the simulated phone on the device API. */
public final class EcpsFlow {

    public static final String CLIENT = "sandbox-rp";
    public static final String SECRET = "sandbox-rp-secret";
    public static final String REDIRECT = "https://localhost/sandbox-rp/callback";
    public static final String PIN = "1234";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("id=\"psc-ecps-code\">([0-9]{2})<");
    private static final Pattern WAIT_URL = Pattern.compile("data-wait-url=\"([^\"]+)\"");

    private EcpsFlow() {
    }

    /** The wait page: the code it shows and the URL it long-polls. */
    public record Wait(CardBrowser.Outcome page, String code, String waitUrl) {
    }

    /** PSC's login page, whose e-CPS tab holds the identifier form: the e-CPS login starts on the first page. */
    public static CardBrowser.Outcome identifierPage(CardBrowser browser, CardBrowser.Request request) throws Exception {
        CardBrowser.Outcome login = browser.open(request);
        assertThat(login.status()).as(login.page()).isEqualTo(200);
        return login;
    }

    public static CardBrowser.Outcome identify(CardBrowser browser, CardBrowser.Request request, String idNat)
            throws Exception {
        CardBrowser.Outcome form = identifierPage(browser, request);
        assertThat(form.page()).contains("Votre identifiant RPPS");
        return browser.submit(form, "psc-ecps-identifier", "ecps_step=identify&id_nat="
                + URLEncoder.encode(idNat, StandardCharsets.UTF_8));
    }

    public static Wait waitPage(CardBrowser.Outcome page) {
        Matcher code = CODE.matcher(page.page());
        Matcher url = WAIT_URL.matcher(page.page());
        assertThat(code.find()).as("a wait page with a code:\n" + page.page()).isTrue();
        assertThat(url.find()).isTrue();
        return new Wait(page, code.group(1), url.group(1).replace("&amp;", "&"));
    }

    public static Wait startLogin(CardBrowser browser, CardBrowser.Request request, String idNat) throws Exception {
        return waitPage(identify(browser, request, idNat));
    }

    /**
     * An e-CPS login for {@code idNat} whose request lives {@code seconds} (the realm's pscEcpsRequestSeconds set for
     * that request only, then put back): by a browser without a card, to the wait page.
     */
    public static Wait startLoginLasting(SandboxServer server, String idNat, int seconds) throws Exception {
        Map<String, String> previous = realmAttributes(server, Map.of("pscEcpsRequestSeconds",
                Integer.toString(seconds)));
        try {
            return startLogin(CardBrowser.withoutCard(server), CardBrowser.Request.of(CLIENT, REDIRECT), idNat);
        } finally {
            realmAttributes(server, previous);
        }
    }

    /** Submits the wait page, as its script does once the request is answered. */
    public static CardBrowser.Outcome check(CardBrowser browser, Wait wait) throws Exception {
        return browser.submit(wait.page(), "psc-ecps-check", "ecps_step=check");
    }

    public static DeviceApiClient phone(PscEndpoint server) {
        return new DeviceApiClient(server.baseUrl(), SandboxServer.REALM, server.caBundle());
    }

    /** The simulated device the sandbox enrolled at first start for this identity. */
    public static SimulatedDevice sandboxDevice(PscEndpoint server, String idNat) {
        return SimulatedDevice.load(SimulatedDevice.fileFor(SimulatorCommand.devicesFolder(server.dataDir()), idNat));
    }

    /** A fresh device for this identity, enrolled by the admin, its file in the test's own folder. */
    public static SimulatedDevice enrolledDevice(PscEndpoint server, String idNat, Path folder) throws Exception {
        SimulatedDevice device = SimulatedDevice.create(SimulatedDevice.fileFor(folder, idNat + "-"
                + System.nanoTime()), idNat, PIN);
        DeviceApiClient.Answer answer = phone(server).registerAsAdmin(device, "test device", server.adminToken());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        device.save();
        return device;
    }

    public static DeviceApiClient.Pending pending(PscEndpoint server, SimulatedDevice device) {
        return phone(server).pending(device, 10).orElseThrow(() -> new AssertionError("no request reached the phone"));
    }

    public static String state(PscEndpoint server, Wait wait, int seconds) throws Exception {
        return server.getJson(wait.waitUrl() + "?wait=" + seconds).path("status").asText();
    }

    public static JsonNode exchange(PscEndpoint server, String code, CardBrowser.Request request) throws Exception {
        HttpResponse<String> response = CardBrowser.exchange(server, code, request, SECRET);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    public static HttpResponse<String> postForm(PscEndpoint server, String path, String form) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(server.realmUrl() + "/protocol/openid-connect/" + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** The relying service's CIBA request (poll mode) for this idNat, with a 2-digit binding message. */
    public static HttpResponse<String> backchannel(PscEndpoint server, String loginHint, String binding)
            throws Exception {
        return postForm(server, "ext/ciba/auth", "client_id=" + CLIENT + "&client_secret=" + SECRET
                + "&login_hint=" + URLEncoder.encode(loginHint, StandardCharsets.UTF_8)
                + "&binding_message=" + binding + "&scope=" + URLEncoder.encode("openid scope_all", StandardCharsets.UTF_8)
                + "&acr_values=eidas1");
    }

    /** The relying service's poll of the token endpoint for a CIBA request. */
    public static HttpResponse<String> poll(PscEndpoint server, String authReqId) throws Exception {
        return postForm(server, "token", "grant_type=" + URLEncoder.encode("urn:openid:params:grant-type:ciba",
                StandardCharsets.UTF_8) + "&auth_req_id=" + authReqId + "&client_id=" + CLIENT
                + "&client_secret=" + SECRET);
    }

    /** Events of this type whose details hold every given pair. */
    public static List<JsonNode> events(PscEndpoint server, String type, Map<String, String> details) throws Exception {
        return matching(server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM
                + "/events?type=" + type + "&max=1000", server.adminToken()), details);
    }

    /** The events of this list whose details hold every given pair. */
    public static List<JsonNode> matching(JsonNode events, Map<String, String> details) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode event : events) {
            boolean all = true;
            for (Map.Entry<String, String> detail : details.entrySet()) {
                all &= detail.getValue().equals(event.at("/details/" + detail.getKey()).asText());
            }
            if (all) {
                matching.add(event);
            }
        }
        return matching;
    }

    /**
     * Nothing let in: the login did not come back to the relying service with a code, and the browser holds no
     * Keycloak login session (no KEYCLOAK_IDENTITY cookie).
     */
    public static void assertNoSession(CardBrowser browser, CardBrowser.Outcome outcome) {
        assertThat(outcome.location() == null || !outcome.location().startsWith(REDIRECT))
                .as("no redirect to the relying service: " + outcome.location()).isTrue();
        assertThat(browser.hasCookie("KEYCLOAK_IDENTITY")).as("no login session in the browser").isFalse();
    }

    /** The first difference between two texts, with some context, for an assertion's message. */
    public static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return "first difference at " + i + ":\n<<< " + a.substring(Math.max(0, i - 100), Math.min(a.length(), i + 100))
                + "\n>>> " + b.substring(Math.max(0, i - 100), Math.min(b.length(), i + 100));
    }

    /**
     * Sets realm attributes through the admin API, keeping every other attribute (the admin API replaces the whole
     * map); returns the previous values, for the test to restore.
     */
    public static Map<String, String> realmAttributes(PscEndpoint server, Map<String, String> changes) throws Exception {
        String realmUrl = server.baseUrl() + "/admin/realms/" + SandboxServer.REALM;
        JsonNode realm = server.getJson(realmUrl, server.adminToken());
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        realm.path("attributes").fields().forEachRemaining(field -> attributes.put(field.getKey(),
                field.getValue().asText()));
        Map<String, String> previous = new java.util.LinkedHashMap<>();
        changes.keySet().forEach(name -> previous.put(name, attributes.get(name)));
        attributes.putAll(changes);
        String body = JSON.writeValueAsString(Map.of("attributes", attributes));
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(realmUrl))
                .header("Authorization", "Bearer " + server.adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        return previous;
    }
}
