package org.pscfederator.it.ecps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.*;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** PSC e-CPS device activation both ways against the real server: from the directory's contact details, from a card. */
@Tag("psc-ecps")
@ExtendWith(SandboxServerExtension.class)
class EcpsActivationIT {

    private static final Pattern ACTIVATION_CODE = Pattern.compile("id=\"activation-code\">([0-9]{8})<");

    @TempDir
    Path folder;

    @Test
    void deviceActivatedWithTheCodeSentToTheDirectoryContactLogsIn(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900001118";
        DeviceApiClient api = phone(server);
        SimulatedDevice device = SimulatedDevice.create(SimulatedDevice.fileFor(folder, idNat), idNat, PIN);

        DeviceApiClient.Answer sent = api.requestContactCode(idNat);
        assertThat(sent.status()).isEqualTo(202);
        JsonNode message = api.outbox(idNat, server.adminToken()).body();
        String code = message.path("code").asText();
        assertThat(code).matches("[0-9]{8}");
        assertThat(message.path("subject").asText()).isEqualTo("Activation de l'application e-CPS");
        assertThat(message.path("text").asText()).startsWith("Votre code d'activation e-CPS : " + code)
                .contains("valable 90 secondes");
        DeviceApiClient.Answer wrong = api.register(device, code.equals("00000000") ? "00000001" : "00000000", "x");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.error()).isEqualTo("invalid_activation_code");
        assertThat(events(server, "UPDATE_CREDENTIAL_ERROR", Map.of("psc_reason", "invalid_activation_code",
                "psc_idnat", idNat))).isNotEmpty();

        DeviceApiClient.Answer registered = api.register(device, code, "Téléphone de test");
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        assertThat(api.register(SimulatedDevice.create(folder.resolve("again.json"), idNat, PIN), code, "again")
                .status()).as("an activation code serves once").isEqualTo(400);
        JsonNode listed = api.devices(device).body().path("devices");
        assertThat(listed.findValuesAsText("device_id")).contains(device.deviceId());
        assertThat(events(server, "UPDATE_CREDENTIAL", Map.of("psc_ecps_action", "device_registered",
                "psc_device", device.deviceId()))).isNotEmpty();

        // The new device approves a login.
        CardBrowser browser = CardBrowser.withoutCard(server);
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
        Wait wait = startLogin(browser, request, idNat);
        assertThat(api.answer(device, PIN, pending(server, device).requestId(), wait.code(), true).status())
                .isEqualTo(200);
        assertThat(check(browser, wait).redirected()).isTrue();
    }

    @Test
    void contactActivationAnswersAlikeForAnUnknownIdentifier(SandboxServer server) throws Exception {
        DeviceApiClient api = phone(server);

        DeviceApiClient.Answer unknown = api.requestContactCode("899999999990");
        DeviceApiClient.Answer invalid = api.requestContactCode("<script>");

        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.body().path("status").asText()).isEqualTo("sent_if_known");
        assertThat(api.outbox("899999999990", server.adminToken()).status()).isEqualTo(404);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(events(server, "UPDATE_CREDENTIAL_ERROR", Map.of("psc_reason", "unknown_professional",
                "psc_idnat", "899999999990"))).isNotEmpty();
    }

    @Test
    void deviceActivatedFromACardSessionWithTheQrCode(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899700427869";
        CardBrowser withCard = CardBrowser.withCard(server, server.dataDir().resolve("pki/cards/" + idNat + ".p12"));

        CardBrowser.Outcome page = withCard.get(server.realmUrl() + "/psc-ecps/v1/activation/card");

        assertThat(page.status()).as(page.page()).isEqualTo(200);
        // The theme escapes the apostrophe as HTML does; the browser shows "Activer l'application e-CPS".
        assertThat(page.page()).contains("Activer l&#39;application e-CPS").contains("<svg").contains("<path");
        Matcher code = ACTIVATION_CODE.matcher(page.page());
        assertThat(code.find()).isTrue();
        SimulatedDevice device = SimulatedDevice.create(SimulatedDevice.fileFor(folder, idNat), idNat, PIN);
        DeviceApiClient.Answer registered = phone(server).register(device, code.group(1), "Activé par carte");
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        assertThat(registered.body().path("id_nat").asText()).isEqualTo(idNat);
    }

    @Test
    void cardActivationPageSpeaksEnglishWhenTheBrowserAsksForIt(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899700427869";
        CardBrowser withCard = CardBrowser.withCard(server, server.dataDir().resolve("pki/cards/" + idNat + ".p12"))
                .withHeader("Accept-Language", "en");

        CardBrowser.Outcome page = withCard.get(server.realmUrl() + "/psc-ecps/v1/activation/card");

        assertThat(page.status()).as(page.page()).isEqualTo(200);
        assertThat(page.page()).contains("Activate the e-CPS app").contains("within 90 seconds")
                .doesNotContain("Activer l&#39;application");
        assertThat(ACTIVATION_CODE.matcher(page.page()).find()).isTrue();
    }

    @Test
    void cardActivationWithoutACardIsRefused(SandboxServer server) throws Exception {
        CardBrowser.Outcome page = CardBrowser.withoutCard(server)
                .get(server.realmUrl() + "/psc-ecps/v1/activation/card");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.page()).contains("card_no_certificate");
        assertThat(events(server, "UPDATE_CREDENTIAL_ERROR", Map.of("psc_ecps_action", "activation_code_by_card",
                "psc_reason", "no_certificate"))).isNotEmpty();
    }

    @Test
    void adminListsAndRevokesDevicesAndOnlyAnAdminMay(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000813";
        SimulatedDevice device = enrolledDevice(server, idNat, folder);
        String url = server.realmUrl() + "/psc-ecps/v1/admin/devices?id_nat=" + idNat;

        assertThat(server.get(url, null).statusCode()).isEqualTo(401);
        JsonNode listed = server.getJson(url, server.adminToken());
        assertThat(listed.path("devices").findValuesAsText("device_id")).contains(device.deviceId());
        assertThat(listed.toString()).doesNotContain("\"d\"").as("no private key part is ever kept");
    }
}
