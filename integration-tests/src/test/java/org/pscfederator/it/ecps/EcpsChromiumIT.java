package org.pscfederator.it.ecps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.*;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.Chromium;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.it.harness.SignedJwt;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * PSC e-CPS login in a real browser, end to end: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) opens the relying service's authorization URL, types the identifier in the "Application
 * e-CPS" tab of the first page, and waits on the page while the simulated phone approves; the page's own script continues to the
 * relying service, whose code gives tokens and the signed userinfo. Skipped, saying why, when Chromium is not
 * installed, unless PSC_REQUIRE_CHROMIUM=true (CI installs it).
 */
@Tag("psc-ecps")
@ExtendWith(SandboxServerExtension.class)
class EcpsChromiumIT {

    private static final String ID_NAT = "899700218896";

    @Test
    void chromiumLogsInWithTheSimulatedPhoneApproving(SandboxServer server) throws Exception {
        Chromium.assumeInstalled();
        server.importSandboxDirectories();
        SimulatedDevice phone = sandboxDevice(server, ID_NAT);
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);

        try (Chromium chromium = Chromium.start("fr")) {
            WebDriver browser = chromium.driver();
            browser.get(authorizationUrl(server, request));
            // The identifier form is on PSC's first page, its e-CPS tab open.
            chromium.waitFor("id_nat").sendKeys(ID_NAT);
            browser.findElement(By.id("psc-ecps-send")).click();
            chromium.waitFor("psc-ecps-code");
            String code = browser.findElement(By.id("psc-ecps-code")).getText().strip();
            assertThat(code).matches("[0-9]{2}");

            DeviceApiClient.Pending pending = pending(server, phone);
            assertThat(pending.choices()).contains(code);
            long approved = System.nanoTime();
            assertThat(phone(server).answer(phone, PIN, pending.requestId(), code, true).body().path("outcome")
                    .asText()).isEqualTo("approved");

            // Nobody clicks: the page's long-poll sees the approval and submits itself.
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(driver -> driver.getCurrentUrl().startsWith(REDIRECT));
            long continuedMillis = (System.nanoTime() - approved) / 1_000_000;
            assertThat(continuedMillis).as("the page continues within about a second").isLessThan(3_000);
            Map<String, String> parameters = query(browser.getCurrentUrl());
            assertThat(parameters.get("state")).isEqualTo(request.state());

            JsonNode tokens = exchange(server, parameters.get("code"), request);
            JsonNode userinfo = SignedJwt.verified(server, server.get(server.realmUrl()
                    + "/protocol/openid-connect/userinfo", tokens.get("access_token").asText()).body());
            assertThat(userinfo.get("SubjectNameID").asText()).isEqualTo(ID_NAT);
            assertThat(SignedJwt.verified(server, tokens.get("id_token").asText()).get("amr").toString())
                    .isEqualTo("[\"swk\",\"pin\",\"mfa\"]");
        }
    }

    private static String authorizationUrl(SandboxServer server, CardBrowser.Request request) throws Exception {
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        String challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                sha256.digest(request.verifier().getBytes(StandardCharsets.US_ASCII)));
        return server.realmUrl() + "/protocol/openid-connect/auth?response_type=code&client_id=" + CLIENT
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode("openid scope_all", StandardCharsets.UTF_8)
                + "&state=" + request.state() + "&nonce=" + request.nonce() + "&acr_values=eidas1"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
