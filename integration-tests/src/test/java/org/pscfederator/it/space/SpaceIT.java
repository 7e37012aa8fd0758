package org.pscfederator.it.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.CLIENT;
import static org.pscfederator.it.ecps.EcpsFlow.PIN;
import static org.pscfederator.it.ecps.EcpsFlow.REDIRECT;
import static org.pscfederator.it.ecps.EcpsFlow.check;
import static org.pscfederator.it.ecps.EcpsFlow.enrolledDevice;
import static org.pscfederator.it.ecps.EcpsFlow.events;
import static org.pscfederator.it.ecps.EcpsFlow.pending;
import static org.pscfederator.it.ecps.EcpsFlow.phone;
import static org.pscfederator.it.ecps.EcpsFlow.realmAttributes;
import static org.pscfederator.it.ecps.EcpsFlow.startLogin;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * "Mon compte e-CPS", the professional's space, over HTTPS against the real server: logging in with the card or
 * e-CPS through PSC's login page, the directory's data, devices activated and revoked, recent logins and sessions,
 * "Ce n'était pas moi", and every bad input refused in French with nothing changed.
 */
@Tag("psc-space")
@ExtendWith(SandboxServerExtension.class)
class SpaceIT {

    @TempDir
    Path folder;

    @Test
    void cardLoginOpensTheSpaceWithTheDirectoryDataRelyingServicesReceive(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        SpaceBrowser professional = SpaceBrowser.withCard(server, "899900000219");

        CardBrowser.Outcome page = professional.loginWithCard();

        assertThat(page.status()).as(page.page()).isEqualTo(200);
        assertThat(page.page()).contains("<h1 id=\"kc-page-title\" class=\"psc-title\">Mon compte e-CPS</h1>")
                .contains("identifiant national 899900000219")
                .contains("<strong id=\"psc-space-means\">carte CPS</strong>")
                .contains("Mes données transmises aux services")
                // PSC's userinfo claims, built by the same code as the relying services' userinfo.
                .contains("<code>SubjectNameID</code>").contains("<code>SubjectRefPro</code>")
                .containsPattern("<code>codeProfession</code></dt>\\s*<dd>50</dd>")
                .contains("id=\"psc-space-activate\"");
        assertThat(page.contentSecurityPolicy()).contains("script-src 'self'").contains("style-src 'self'");
        assertThat(page.page()).doesNotContain("<script>").doesNotContain(" style=").doesNotContain(" onclick=");
    }

    @Test
    void spaceSpeaksEnglishWhenTheBrowserAsksForIt(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        SpaceBrowser professional = SpaceBrowser.withCard(server, "899900000219");
        professional.browser.withHeader("Accept-Language", "en");

        CardBrowser.Outcome page = professional.loginWithCard();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.page()).contains("My e-CPS account").contains("My e-CPS devices")
                .doesNotContain("Mes appareils e-CPS");
    }

    @Test
    void deviceActivatedAfterACardLoginInTheSpaceLogsInWithEcps(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000318";
        SpaceBrowser professional = SpaceBrowser.withCard(server, idNat);
        CardBrowser.Outcome space = professional.loginWithCard();

        CardBrowser.Outcome activation = professional.post(space, "/activation", "");

        assertThat(activation.status()).as(activation.page()).isEqualTo(200);
        assertThat(activation.page()).contains("Activer l&#39;application e-CPS").contains("dans les 90 secondes")
                .contains("<svg").contains("data-expires-in=\"90\"");
        SimulatedDevice device = SimulatedDevice.create(SimulatedDevice.fileFor(folder, idNat), idNat, PIN);
        DeviceApiClient.Answer registered = phone(server).register(device, SpaceBrowser.activationCode(activation),
                "Téléphone du cabinet");
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);

        // The new device logs the professional in to a relying service.
        assertThat(ecpsLoginToTheRelyingService(server, idNat, device).location()).startsWith(REDIRECT + "?");
        assertThat(professional.open().page()).contains("data-device-id=\"" + device.deviceId() + "\"")
                .contains("Téléphone du cabinet");
    }

    @Test
    void activationAfterAnEcpsLoginAsksForTheCardAndIssuesNoCode(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000417";
        SimulatedDevice device = enrolledDevice(server, idNat, folder);
        SpaceBrowser professional = SpaceBrowser.withoutCard(server);
        CardBrowser.Outcome space = professional.loginWithEcps(idNat, device);
        assertThat(space.page()).contains("<strong id=\"psc-space-means\">application e-CPS</strong>")
                .doesNotContain("id=\"psc-space-activate\"")
                .contains("Pour activer un appareil, connectez-vous avec votre carte CPS.");

        CardBrowser.Outcome forced = professional.post(space, "/activation", "");

        assertThat(forced.status()).isEqualTo(403);
        assertThat(forced.page()).contains("data-reason=\"card_login_required\"")
                .doesNotContain("activation-code");
        assertThat(events(server, "UPDATE_CREDENTIAL_ERROR", Map.of("psc_ecps_action", "activation_code_by_space",
                "psc_reason", "card_login_required", "psc_idnat", idNat))).isNotEmpty();
    }

    @Test
    void expiredActivationCodeIsRefusedToThePhone(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000912";
        Map<String, String> previous = realmAttributes(server, Map.of("pscEcpsActivationCodeSeconds", "30"));
        try {
            SpaceBrowser professional = SpaceBrowser.withCard(server, idNat);
            CardBrowser.Outcome activation = professional.post(professional.loginWithCard(), "/activation", "");
            assertThat(activation.page()).contains("dans les 30 secondes").contains("data-expires-in=\"30\"")
                    .contains("Ce code a expiré");
            String code = SpaceBrowser.activationCode(activation);

            Thread.sleep(31_000);
            SimulatedDevice device = SimulatedDevice.create(SimulatedDevice.fileFor(folder, idNat), idNat, PIN);
            DeviceApiClient.Answer late = phone(server).register(device, code, "trop tard");

            assertThat(late.status()).isEqualTo(400);
            assertThat(late.error()).isEqualTo("invalid_activation_code");
            assertThat(phone(server).devicesAsAdmin(idNat, server.adminToken()).body().path("devices").toString())
                    .doesNotContain("trop tard");
            // The simulator, as a vendor runs it, says why.
            Launcher.Result simulator = Launcher.runToEnd(List.of(Path.of(System.getProperty("java.home"), "bin",
                    "java").toString(), "-jar", Launcher.repoRoot().resolve("ecps-simulator/target/psc-ecps-sim.jar")
                    .toString(), "activate", "--idnat", idNat, "--code", code, "--server", server.baseUrl(),
                    "--cacert", server.caBundle().toString(), "--data-dir", folder.toString()), Map.of());
            assertThat(simulator.exitCode()).isEqualTo(1);
            assertThat(simulator.stderr()).contains("activation refused: HTTP 400 invalid_activation_code")
                    .contains("expired: show a new one");
        } finally {
            realmAttributes(server, previous);
        }
    }

    @Test
    void deviceRevokedInTheSpaceIsRefusedAtOnce(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900001019";
        SimulatedDevice lost = enrolledDevice(server, idNat, folder);
        SpaceBrowser professional = SpaceBrowser.withCard(server, idNat);
        CardBrowser.Outcome space = professional.loginWithCard();
        assertThat(space.page()).contains("data-device-id=\"" + lost.deviceId() + "\"");

        CardBrowser.Outcome after = professional.post(space, "/devices/revoke", "device_id=" + lost.deviceId());

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.page()).contains("L&#39;appareil est révoqué : il ne peut plus servir à se connecter.");
        assertThat(revoked(server, idNat, lost.deviceId())).isTrue();
        CardBrowser browser = CardBrowser.withoutCard(server);
        EcpsFlow.Wait wait = startLogin(browser, CardBrowser.Request.of(CLIENT, REDIRECT), idNat);
        // A revoked device does not even see the request: the request id comes from the professional's other phone.
        String requestId = pending(server, EcpsFlow.sandboxDevice(server, idNat)).requestId();
        DeviceApiClient.Answer answer = phone(server).answer(lost, PIN, requestId, wait.code(), true);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.error()).isEqualTo("device_revoked");
        assertThat(EcpsFlow.state(server, wait, 0)).isEqualTo("pending");
        assertThat(events(server, "REMOVE_CREDENTIAL", Map.of("psc_ecps_action", "device_revoked_by_professional",
                "psc_device", lost.deviceId()))).isNotEmpty();
    }

    @Test
    void anotherProfessionalsDeviceIsNotRevoked(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        SimulatedDevice someoneElses = enrolledDevice(server, "899900000714", folder);
        SpaceBrowser professional = SpaceBrowser.withCard(server, "899900000615");
        CardBrowser.Outcome space = professional.loginWithCard();

        CardBrowser.Outcome refused = professional.post(space, "/devices/revoke", "device_id="
                + someoneElses.deviceId());
        CardBrowser.Outcome unknown = professional.post(space, "/devices/revoke", "device_id=no-such-device");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.page()).contains("Cet appareil ne fait pas partie des vôtres. Rien n&#39;a été modifié.");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(revoked(server, "899900000714", someoneElses.deviceId())).isFalse();
    }

    @Test
    void forgedFormPostsAreRefusedAndChangeNothing(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000516";
        SimulatedDevice device = enrolledDevice(server, idNat, folder);
        SpaceBrowser professional = SpaceBrowser.withCard(server, idNat);
        CardBrowser.Outcome space = professional.loginWithCard();
        String token = SpaceBrowser.tokenOf(space);
        String body = "device_id=" + device.deviceId();

        List<CardBrowser.Outcome> refused = new ArrayList<>();
        refused.add(professional.postWithToken(null, "/devices/revoke", body));
        refused.add(professional.postWithToken("forged" + token, "/devices/revoke", body));
        professional.browser.withHeader("Origin", "https://evil.example");
        refused.add(professional.postWithToken(token, "/devices/revoke", body));
        professional.browser.withoutHeader("Origin");
        refused.add(professional.postWithToken(token, "/devices/revoke", body));
        professional.browser.withHeader("Origin", "null").withHeader("Sec-Fetch-Site", "cross-site");
        refused.add(professional.postWithToken(token, "/devices/revoke", body));
        professional.browser.withoutHeader("Sec-Fetch-Site");
        professional.browser.withHeader("Origin", SpaceBrowser.origin(server)).withHeader("Sec-Fetch-Site",
                "cross-site");
        refused.add(professional.postWithToken(token, "/devices/revoke", body));
        refused.add(professional.postWithToken(token, "/sessions/logout", ""));
        professional.browser.withoutHeader("Sec-Fetch-Site");

        for (CardBrowser.Outcome outcome : refused) {
            assertThat(outcome.status()).isEqualTo(403);
            assertThat(outcome.page()).contains("data-reason=\"forged_form\"")
                    .contains("Cette demande n&#39;a pas pu être vérifiée").contains("Rien n&#39;a été modifié.");
        }
        assertThat(revoked(server, idNat, device.deviceId())).isFalse();
        assertThat(professional.open().page()).as("the session is still open").contains("Mon compte e-CPS")
                .contains("data-device-id=\"" + device.deviceId() + "\"");
        // Another browser's session token does not serve either.
        SpaceBrowser other = SpaceBrowser.withCard(server, idNat);
        CardBrowser.Outcome otherSpace = other.loginWithCard();
        assertThat(SpaceBrowser.tokenOf(otherSpace)).isNotEqualTo(token);
        assertThat(other.postWithToken(token, "/devices/revoke", body).status()).isEqualTo(403);
        assertThat(revoked(server, idNat, device.deviceId())).isFalse();
    }

    @Test
    void sessionMadeWithADeviceRevokedSinceIsRefusedAndEnded(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900001118";
        SimulatedDevice device = enrolledDevice(server, idNat, folder);
        SpaceBrowser professional = SpaceBrowser.withoutCard(server);
        CardBrowser.Outcome space = professional.loginWithEcps(idNat, device);
        assertThat(space.status()).as(space.page()).isEqualTo(200);
        String token = SpaceBrowser.tokenOf(space);

        assertThat(phone(server).revokeAsAdmin(device.deviceId(), server.adminToken()).status()).isEqualTo(200);
        CardBrowser.Outcome refused = professional.open();

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.page()).contains("data-reason=\"device_revoked_session\"")
                .contains("Votre session avait été ouverte avec un appareil e-CPS révoqué depuis : elle est fermée.")
                .contains("Se reconnecter");
        assertThat(professional.postWithToken(token, "/sessions/logout", "").status()).isEqualTo(401);
        assertThat(professional.open().page()).as("PSC's login page, not the space").contains("psc-login-form")
                .doesNotContain("Mes appareils e-CPS");
    }

    @Test
    void recentLoginsShowTheTwoLoginsJustMadeAndLogoutEndsEverySession(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899700366240";
        noSessionsYet(server, idNat);
        SimulatedDevice device = enrolledDevice(server, idNat, folder);
        CardBrowser.Outcome atService = CardBrowser.withCard(server, server.dataDir().resolve("pki/cards/" + idNat
                + ".p12")).loginWithCard(CardBrowser.Request.of(CLIENT, REDIRECT));
        assertThat(atService.location()).startsWith(REDIRECT + "?");
        SpaceBrowser professional = SpaceBrowser.withoutCard(server);

        CardBrowser.Outcome space = professional.loginWithEcps(idNat, device);

        List<String> logins = items(space.page(), "data-event-id=\"");
        assertThat(logins).hasSizeGreaterThanOrEqualTo(2);
        assertThat(logins.get(0)).contains("application e-CPS (test device)").contains("Mon compte e-CPS")
                .contains("127.0.0.1");
        assertThat(logins.get(1)).contains("carte CPS").contains("Sandbox relying service (sandbox only)");
        assertThat(space.page()).contains("(cette session)");
        assertThat(sessions(server, idNat)).isEqualTo(2);

        CardBrowser.Outcome out = professional.post(space, "/sessions/logout", "");

        assertThat(out.status()).isEqualTo(200);
        assertThat(out.page()).contains("Vous êtes déconnecté de toutes vos sessions, dans tous les services.");
        assertThat(sessions(server, idNat)).isZero();
        assertThat(events(server, "LOGOUT", Map.of("psc_space_action", "logout_all", "psc_idnat", idNat,
                "psc_sessions_ended", "2"))).isNotEmpty();
        assertThat(professional.open().page()).contains("psc-login-form");
    }

    @Test
    void notMeRevokesTheDeviceEndsTheSessionsAndSaysWhatToDo(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899700427869";
        SimulatedDevice stolen = enrolledDevice(server, idNat, folder);
        assertThat(ecpsLoginToTheRelyingService(server, idNat, stolen).location()).as("someone else's login")
                .startsWith(REDIRECT + "?");
        SpaceBrowser professional = SpaceBrowser.withCard(server, idNat);
        CardBrowser.Outcome space = professional.loginWithCard();
        String theirs = items(space.page(), "data-event-id=\"").stream()
                .filter(item -> item.contains("(test device)")).findFirst().orElseThrow();
        String eventId = theirs.substring(0, theirs.indexOf('"'));

        CardBrowser.Outcome reported = professional.post(space, "/logins/not-me", "event_id=" + eventId);

        assertThat(reported.status()).as(reported.page()).isEqualTo(200);
        assertThat(reported.page()).contains("Connexion signalée")
                .contains("au service « Sandbox relying service (sandbox only) »")
                .contains("L&#39;appareil e-CPS « test device » utilisé pour cette connexion est révoqué")
                .contains("Toutes vos sessions sont fermées, dans tous les services.")
                .contains("Que faire maintenant ?").contains("changez le code PIN")
                .contains("en donnant cette référence : " + eventId);
        assertThat(revoked(server, idNat, stolen.deviceId())).isTrue();
        assertThat(sessions(server, idNat)).isZero();
        assertThat(events(server, "LOGOUT", Map.of("psc_space_action", "not_me", "psc_reported_login", eventId,
                "psc_device", stolen.deviceId()))).hasSize(1);
        CardBrowser again = CardBrowser.withoutCard(server);
        EcpsFlow.Wait retry = startLogin(again, CardBrowser.Request.of(CLIENT, REDIRECT), idNat);
        String requestId = pending(server, EcpsFlow.sandboxDevice(server, idNat)).requestId();
        assertThat(phone(server).answer(stolen, PIN, requestId, retry.code(), true).error()).isEqualTo("device_revoked");
    }

    @Test
    void notMeOnALoginThatIsNotTheProfessionalsChangesNothing(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        noSessionsYet(server, "899900000110");
        SpaceBrowser someone = SpaceBrowser.withCard(server, "899900000110");
        String othersEvent = items(someone.loginWithCard().page(), "data-event-id=\"").get(0);
        othersEvent = othersEvent.substring(0, othersEvent.indexOf('"'));
        SpaceBrowser professional = SpaceBrowser.withCard(server, "899900000813");
        CardBrowser.Outcome space = professional.loginWithCard();

        CardBrowser.Outcome refused = professional.post(space, "/logins/not-me", "event_id=" + othersEvent);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.page()).contains("Cette connexion ne figure pas parmi les vôtres. Rien n&#39;a été modifié.");
        assertThat(sessions(server, "899900000110")).isEqualTo(1);
        assertThat(professional.open().page()).contains("Mes appareils e-CPS");
    }

    @Test
    void spaceIsServedInThePscRealmOnly(SandboxServer server) throws Exception {
        assertThat(server.get(server.baseUrl() + "/realms/master/psc-space", null).statusCode()).isEqualTo(404);
        CardBrowser.Outcome login = CardBrowser.withoutCard(server).get(SpaceBrowser.spaceUrl(server));
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.location()).startsWith(server.realmUrl() + "/protocol/openid-connect/auth?")
                .contains("client_id=psc-space").contains("acr_values=eidas1");
    }

    /** An e-CPS login to the sandbox's relying service, from a browser without a card, approved with this device. */
    private static CardBrowser.Outcome ecpsLoginToTheRelyingService(SandboxServer server, String idNat,
            SimulatedDevice device) throws Exception {
        CardBrowser browser = CardBrowser.withoutCard(server);
        EcpsFlow.Wait wait = startLogin(browser, CardBrowser.Request.of(CLIENT, REDIRECT), idNat);
        assertThat(phone(server).answer(device, PIN, pending(server, device).requestId(), wait.code(), true).status())
                .isEqualTo(200);
        return check(browser, wait);
    }

    /** The text of each listed item after its marker, in order. */
    private static List<String> items(String page, String marker) {
        List<String> items = new ArrayList<>();
        int at = page.indexOf(marker);
        while (at >= 0) {
            int next = page.indexOf(marker, at + marker.length());
            int end = page.indexOf("</li>", at);
            items.add(page.substring(at + marker.length(), end < 0 ? page.length() : end));
            at = next;
        }
        return items;
    }

    /** Whether the device API's admin list shows the device revoked (it leaves revoked_at out while active). */
    private static boolean revoked(SandboxServer server, String idNat, String deviceId) throws Exception {
        JsonNode at = device(server, idNat, deviceId).path("revoked_at");
        return !at.isMissingNode() && !at.isNull();
    }

    private static JsonNode device(SandboxServer server, String idNat, String deviceId) throws Exception {
        for (JsonNode device : phone(server).devicesAsAdmin(idNat, server.adminToken()).body().path("devices")) {
            if (device.path("device_id").asText().equals(deviceId)) {
                return device;
            }
        }
        throw new AssertionError("no device " + deviceId + " of " + idNat);
    }

    /** The professional's open login sessions, as Keycloak's admin API counts them. */
    private static int sessions(SandboxServer server, String idNat) throws Exception {
        return server.getJson(userUrl(server, idNat) + "/sessions", server.adminToken()).size();
    }

    /**
     * Ends the professional's sessions through the admin API, so that a test counts from none: the suite's shared
     * server keeps the sessions earlier test classes opened with the same sandbox identities.
     */
    private static void noSessionsYet(SandboxServer server, String idNat) throws Exception {
        HttpResponse<String> logout = server.send(HttpRequest.newBuilder(URI.create(userUrl(server, idNat) + "/logout"))
                .header("Authorization", "Bearer " + server.adminToken())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);
        assertThat(sessions(server, idNat)).isZero();
    }

    private static String userUrl(SandboxServer server, String idNat) throws Exception {
        JsonNode users = server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM
                + "/users?exact=true&username=" + idNat, server.adminToken());
        return server.baseUrl() + "/admin/realms/" + SandboxServer.REALM + "/users/" + users.get(0).path("id").asText();
    }
}
