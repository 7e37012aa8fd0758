package org.pscfederator.it.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.PIN;
import static org.pscfederator.it.ecps.EcpsFlow.pending;
import static org.pscfederator.it.ecps.EcpsFlow.phone;
import static org.pscfederator.it.ecps.EcpsFlow.sandboxDevice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.harness.AdminTool;
import org.pscfederator.it.harness.Axe;
import org.pscfederator.it.harness.Chromium;
import org.pscfederator.it.harness.DemoRelyingService;
import org.pscfederator.it.harness.FreePort;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.TestPki;

/**
 * PSC's login pages in a real browser (Debian's headless Chromium): the e-CPS login from the demo relying service
 * with the keyboard alone, identifier on the first page; the card tab; and on every login and error page, in French
 * and in English, no WCAG 2.1 A/AA violation found by axe-core, nothing blocked by the Content-Security-Policy
 * (script-src 'self'), reflow at 320 px, and screenshots at a phone's and a desktop's width (target/screenshots).
 */
@Tag("psc-login-pages")
@ExtendWith(SandboxServerExtension.class)
class LoginPagesChromiumIT {

    private static final String ID_NAT = "899700218896";
    private static final String CLIENT = "sandbox-rp";
    private static final String REDIRECT = "https://localhost/sandbox-rp/callback";

    /** RGAA 12.8 / WCAG 2.4.3: the e-CPS form is reached in reading order, and used with Tab, Space and Enter. */
    @Test
    void ecpsLoginFromTheDemoWithTheKeyboardAloneStartsOnTheFirstPage(SandboxServer server) throws Exception {
        Chromium.assumeInstalled();
        server.importSandboxDirectories();
        SimulatedDevice device = sandboxDevice(server, ID_NAT);
        int port = FreePort.find();
        IssuedCertificate certificate = registerDemo(server, port);
        try (DemoRelyingService demo = DemoRelyingService.start(server, port, "--client-id", demoClient(port),
                "--cert", certificate.keystore().toString()); Chromium browser = Chromium.start("fr")) {
            browser.driver().get(demo.url() + "/");
            browser.tabTo("", 5);
            assertThat(browser.script("return document.activeElement.getAttribute('href');")).isEqualTo("/login");
            browser.press(Keys.ENTER);

            // PSC's first page: the e-CPS tab open, its identifier form right there.
            browser.waitFor("psc-ecps-identifier");
            assertThat(browser.driver().findElement(By.id("kc-page-title")).getText()).isEqualTo("Connectez-vous");
            assertThat(browser.driver().findElement(By.id("psc-tab-ecps")).getAttribute("aria-selected"))
                    .isEqualTo("true");
            assertThat(browser.tabTo("id_nat", 5)).as("focus order").containsExactly("psc-skip", "psc-tab-ecps",
                    "id_nat");
            browser.press(ID_NAT);
            browser.press(Keys.TAB);
            assertThat(browser.focused()).isEqualTo("remember");
            browser.press(Keys.SPACE);
            assertThat(browser.driver().findElement(By.id("remember")).isSelected()).isTrue();
            browser.press(Keys.TAB);
            assertThat(browser.focused()).isEqualTo("psc-ecps-send");
            assertThat(browser.driver().findElement(By.id("psc-ecps-send")).getText())
                    .isEqualTo("SE CONNECTER AVEC E-CPS");
            browser.press(Keys.ENTER);

            String code = browser.waitFor("psc-ecps-code").getText().strip();
            assertThat(browser.driver().findElement(By.id("psc-ecps-status")).getAttribute("aria-live"))
                    .isEqualTo("polite");
            DeviceApiClient.Pending request = pending(server, device);
            assertThat(phone(server).answer(device, PIN, request.requestId(), code, true).status()).isEqualTo(200);

            // Nobody presses anything: the page continues to the demo, which shows the professional.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).withMessage(() -> browser.driver()
                    .getCurrentUrl() + "\n" + demo.log()).until(d -> !d.findElements(By.id("idnat")).isEmpty());
            assertThat(browser.driver().findElement(By.id("idnat")).getText()).isEqualTo(ID_NAT);
            assertThat(browser.consoleProblems()).isEmpty();
        }
    }

    /** The card tab from the demo, by keyboard alone, with a card in the browser: back at the demo, logged in. */
    @Test
    void cardLoginFromTheDemoWithTheKeyboardAlone(SandboxServer server) throws Exception {
        Chromium.assumeInstalled();
        server.importSandboxDirectories();
        String cardHolder = "899700366240";
        int port = FreePort.find();
        IssuedCertificate certificate = registerDemo(server, port);
        java.net.URI base = java.net.URI.create(server.baseUrl());
        try (DemoRelyingService demo = DemoRelyingService.start(server, port, "--client-id", demoClient(port),
                "--cert", certificate.keystore().toString());
                Chromium browser = Chromium.startWithCard("fr", server.dataDir().resolve("pki/cards/" + cardHolder
                        + ".p12"), base.getScheme() + "://" + base.getHost() + ":" + base.getPort())) {
            browser.driver().get(demo.url() + "/");
            browser.tabTo("", 5);
            browser.press(Keys.ENTER);
            browser.waitFor("psc-ecps-identifier");
            browser.loginWithCardByKeyboard();

            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).withMessage(() -> browser.driver()
                    .getCurrentUrl() + "\n" + browser.driver().getPageSource()).until(d -> !d.findElements(
                    By.id("idnat")).isEmpty());
            assertThat(browser.driver().findElement(By.id("idnat")).getText()).isEqualTo(cardHolder);
            assertThat(browser.consoleProblems()).isEmpty();
        }
    }

    /** The card tab, by keyboard: arrow to it, Tab to its button; without a card, the page says what to check. */
    @Test
    void cardTabWithoutACardSaysWhatToCheck(SandboxServer server) throws Exception {
        Chromium.assumeInstalled();
        try (Chromium browser = Chromium.start("fr")) {
            browser.driver().get(authorizationUrl(server, REDIRECT));
            browser.waitFor("psc-ecps-identifier");
            assertThat(browser.driver().findElement(By.id("psc-panel-card")).isDisplayed()).isFalse();
            browser.tabTo("psc-tab-ecps", 5);
            browser.press(Keys.ARROW_RIGHT);
            assertThat(browser.focused()).isEqualTo("psc-tab-card");
            assertThat(browser.driver().findElement(By.id("psc-tab-card")).getAttribute("aria-selected"))
                    .isEqualTo("true");
            assertThat(browser.driver().findElement(By.id("psc-panel-card")).isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.id("psc-panel-ecps")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("psc-card-checks")).getText()).contains("lecteur de cartes",
                    "Cryptolib CPS", "navigateur");
            assertThat(browser.tabTo("psc-login-card", 3)).containsExactly("psc-login-card");
            browser.press(Keys.ENTER);

            assertThat(browser.waitFor("psc-card-error").getAttribute("data-reason")).isEqualTo("no_certificate");
            assertThat(browser.driver().findElement(By.id("psc-card-checks")).getText()).contains("Cryptolib CPS");
            browser.tabTo("psc-card-other", 6);
            browser.press(Keys.ENTER);
            browser.waitFor("psc-ecps-identifier");
            assertThat(browser.consoleProblems()).isEmpty();
        }
    }

    /**
     * Every login page and error page, in French and in English: axe-core finds no WCAG 2.1 A/AA violation, the
     * console shows nothing blocked, the page reflows at 320 px (WCAG 1.4.10, what 200 % zoom asks of a 640 px
     * window and more); each is photographed at a phone's width and a desktop's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everyLoginAndErrorPageMeetsWcag21AA(String language, SandboxServer server) throws Exception {
        Chromium.assumeInstalled();
        Axe.assumeAvailable();
        server.importSandboxDirectories();
        SimulatedDevice device = sandboxDevice(server, ID_NAT);
        try (Chromium browser = Chromium.start(language)) {
            browser.driver().get(authorizationUrl(server, REDIRECT));
            browser.waitFor("psc-ecps-identifier");
            assertThat(browser.script("return document.documentElement.lang;")).isEqualTo(language);
            check(browser, "login-ecps-" + language);

            browser.driver().findElement(By.id("psc-tab-establishment")).click();
            assertThat(browser.driver().findElement(By.id("psc-establishment-hopital-demo")).isDisplayed()).isTrue();
            check(browser, "login-establishment-" + language);

            browser.driver().findElement(By.id("psc-tab-card")).click();
            check(browser, "login-card-" + language);
            browser.driver().findElement(By.id("psc-login-card")).click();
            browser.waitFor("psc-card-error");
            check(browser, "card-error-" + language);

            browser.driver().findElement(By.id("psc-card-other")).click();
            browser.waitFor("id_nat").sendKeys("not an identifier");
            browser.driver().findElement(By.id("psc-ecps-send")).click();
            browser.waitFor("id_nat-error");
            assertThat(browser.driver().findElement(By.id("id_nat")).getAttribute("aria-describedby"))
                    .startsWith("id_nat-error");
            assertThat(browser.focused()).as("the field in error has the focus").isEqualTo("id_nat");
            check(browser, "ecps-invalid-identifier-" + language);

            browser.driver().findElement(By.id("id_nat")).sendKeys(ID_NAT);
            browser.driver().findElement(By.id("psc-ecps-send")).click();
            String code = browser.waitFor("psc-ecps-code").getText().strip();
            check(browser, "ecps-wait-" + language);

            DeviceApiClient.Pending request = pending(server, device);
            assertThat(phone(server).answer(device, PIN, request.requestId(), code, false).status()).isEqualTo(200);
            assertThat(browser.waitFor("psc-ecps-error").getAttribute("data-reason")).isEqualTo("denied");
            check(browser, "ecps-error-" + language);

            // Keycloak's own error page, in PSC's layout: a redirect URI the client does not have.
            browser.driver().get(authorizationUrl(server, "https://evil.example/callback"));
            browser.waitFor("kc-error-message");
            check(browser, "keycloak-error-" + language);
        }
    }

    /** The check itself can fail: a field without a label, put on PSC's page, is reported by axe-core. */
    @Test
    void axeReportsAnUnlabelledField(SandboxServer server) throws Exception {
        Chromium.assumeInstalled();
        Axe.assumeAvailable();
        try (Chromium browser = Chromium.start("fr")) {
            browser.driver().get(authorizationUrl(server, REDIRECT));
            browser.waitFor("psc-ecps-identifier");
            browser.script("var input = document.createElement('input'); input.type = 'text';"
                    + "document.getElementById('psc-ecps-identifier').appendChild(input);");

            assertThat(Axe.violations(browser)).anySatisfy(violation -> assertThat(violation).startsWith("label "));
        }
    }

    private static void check(Chromium browser, String page) throws Exception {
        List<String> violations = Axe.violations(browser);
        assertThat(violations).as("WCAG 2.1 A/AA violations on " + page).isEmpty();
        // An error page is answered with its error status, which the console notes for the page itself.
        String own = browser.driver().getCurrentUrl() + " - Failed to load resource: the server responded with a status";
        assertThat(browser.consoleProblems()).as("console of " + page).allMatch(message -> message.startsWith(own));
        browser.width(320);
        assertThat(browser.scrollsSideways()).as(page + " reflows at 320 px").isFalse();
        browser.screenshot(page, Chromium.PHONE);
        browser.screenshot(page, Chromium.DESKTOP);
    }

    private static String authorizationUrl(SandboxServer server, String redirect) {
        return server.realmUrl() + "/protocol/openid-connect/auth?response_type=code&client_id=" + CLIENT
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode("openid scope_all", StandardCharsets.UTF_8)
                + "&state=s" + System.nanoTime() + "&nonce=n" + System.nanoTime() + "&acr_values=eidas1"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
    }

    private static String demoClient(int port) {
        return "it-ui-demo-" + port;
    }

    /** The demo on this port onboarded with psc-admin and an ORG certificate, as a vendor's service is. */
    private static IssuedCertificate registerDemo(SandboxServer server, int port) throws Exception {
        String clientId = demoClient(port);
        IssuedCertificate certificate = TestPki.open(server.dataDir().resolve("pki"))
                .issueClient(ClientRequest.of(clientId).withOrganisation("CABINET DEMO", "R95141"));
        Launcher.Result registered = AdminTool.client(server, SandboxServer.ADMIN_PASSWORD, "register",
                "--client-id", clientId, "--redirect-uri", "https://localhost:" + port + "/callback",
                "--post-logout-redirect-uri", "https://localhost:" + port + "/", "--cert",
                certificate.certificatePem().toString());
        assertThat(registered.exitCode()).as(registered.stderr()).isZero();
        return certificate;
    }
}
