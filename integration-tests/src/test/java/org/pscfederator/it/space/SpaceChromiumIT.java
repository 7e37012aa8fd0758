package org.pscfederator.it.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.realmAttributes;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.Axe;
import org.pscfederator.it.harness.Chromium;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Mon compte e-CPS" in a real browser (Debian's headless Chromium with a test card in its NSS store): the card login
 * through PSC's login page, then every page of the space, in French and in English: no WCAG 2.1 A/AA violation found
 * by axe-core, nothing blocked by the Content-Security-Policy, reflow at 320 px, and screenshots at a phone's and a
 * desktop's width (target/screenshots). The activation page says by itself when its code has expired.
 */
@Tag("psc-space")
@ExtendWith(SandboxServerExtension.class)
class SpaceChromiumIT {

    @ParameterizedTest
    @CsvSource({"fr, 899700218896", "en, 899900000615"})
    void everyPageOfTheSpaceMeetsWcag21AA(String language, String idNat, SandboxServer server) throws Exception {
        Chromium.assumeInstalled();
        Axe.assumeAvailable();
        server.importSandboxDirectories();
        URI base = URI.create(server.baseUrl());
        Map<String, String> previous = realmAttributes(server, Map.of("pscEcpsActivationCodeSeconds", "30"));
        try (Chromium browser = Chromium.startWithCard(language, server.dataDir().resolve("pki/cards/" + idNat
                + ".p12"), base.getScheme() + "://" + base.getHost() + ":" + base.getPort())) {
            browser.driver().get(SpaceBrowser.spaceUrl(server));
            browser.waitFor("psc-tab-card").click();
            browser.driver().findElement(By.id("psc-login-card")).click();
            browser.waitFor("psc-space-logout-all");
            assertThat(browser.script("return document.documentElement.lang;")).isEqualTo(language);
            assertThat(browser.driver().findElement(By.id("psc-space-means")).getText())
                    .isEqualTo("fr".equals(language) ? "carte CPS" : "CPS card");
            check(browser, "space-" + language);
            // The claims, folded under their summary: opened by keyboard, and checked open too.
            browser.driver().findElement(By.cssSelector("#psc-space-claims summary")).sendKeys(Keys.ENTER);
            assertThat(browser.driver().findElement(By.id("psc-space-claims")).getAttribute("open")).isNotNull();
            assertThat(Axe.violations(browser)).as("the space with its claims open").isEmpty();

            browser.driver().findElement(By.cssSelector("#psc-space-activate button")).click();
            assertThat(browser.waitFor("activation-code").getText()).matches("[0-9]{8}");
            assertThat(browser.driver().findElement(By.id("activation-expired")).isDisplayed()).isFalse();
            check(browser, "space-activation-" + language);
            // The page's own script: once the 30 s are up, the code goes and the page says it has expired.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(40))
                    .until(driver -> driver.findElement(By.id("activation-expired")).isDisplayed());
            assertThat(browser.driver().findElement(By.id("activation-code")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("activation-expired")).getText())
                    .contains("fr".equals(language) ? "Ce code a expiré" : "This code has expired");
            check(browser, "space-activation-expired-" + language);

            browser.driver().findElement(By.id("psc-space-back")).click();
            browser.waitFor("psc-space-logout-all");
            // A forged post: the page's token changed before the form is sent.
            browser.script("var form = document.getElementById('psc-space-logout-all');"
                    + "form.querySelector('input[name=psc_csrf]').value = 'forged'; form.submit();");
            assertThat(browser.waitFor("psc-space-message").getAttribute("data-reason")).isEqualTo("forged_form");
            check(browser, "space-refused-" + language);

            browser.driver().findElement(By.id("psc-space-link")).click();
            browser.waitFor("psc-space-login-list");
            browser.driver().findElement(By.cssSelector("#psc-space-login-list li:first-child button")).click();
            browser.waitFor("psc-space-not-me");
            check(browser, "space-not-me-" + language);

            browser.driver().findElement(By.id("psc-space-link")).click();
            browser.waitFor("psc-tab-card").click();
            browser.driver().findElement(By.id("psc-login-card")).click();
            browser.waitFor("psc-space-logout-all").findElement(By.tagName("button")).click();
            assertThat(browser.waitFor("psc-space-message").getAttribute("data-reason")).isEqualTo("logged_out");
            check(browser, "space-logged-out-" + language);
        } finally {
            realmAttributes(server, previous);
        }
    }

    /**
     * The keyboard alone: the card login by the tabs, then, in the space, Tab to the device's "Révoquer" and Enter
     * (the device is revoked), Tab to "Activer un nouvel appareil" and Enter (the code is shown), then back and
     * "Me déconnecter partout". A professional who does not use a mouse loses nothing.
     */
    @Test
    void theSpaceIsUsedWithTheKeyboardAlone(SandboxServer server, @TempDir Path devices) throws Exception {
        Chromium.assumeInstalled();
        server.importSandboxDirectories();
        String idNat = "899900000912";
        // A device of its own: the suite's other tests revoke this professional's devices.
        String deviceId = EcpsFlow.enrolledDevice(server, idNat, devices).deviceId();
        String revokeButton = "#psc-space-device-list li[data-device-id='" + deviceId + "'] form";
        URI base = URI.create(server.baseUrl());
        try (Chromium browser = Chromium.startWithCard("fr", server.dataDir().resolve("pki/cards/" + idNat + ".p12"),
                base.getScheme() + "://" + base.getHost() + ":" + base.getPort())) {
            browser.driver().get(SpaceBrowser.spaceUrl(server));
            browser.waitFor("psc-ecps-identifier");
            browser.loginWithCardByKeyboard();
            browser.waitFor("psc-space-logout-all");
            assertThat(browser.driver().findElements(By.cssSelector(revokeButton))).as("the new device, active")
                    .hasSize(1);

            tabToButtonOf(browser, revokeButton);
            browser.press(Keys.ENTER);
            browser.waitFor("psc-space-logout-all");
            assertThat(browser.driver().findElements(By.cssSelector(revokeButton)))
                    .as("the device's revoke button once it is revoked by keyboard").isEmpty();

            tabToButtonOf(browser, "#psc-space-activate");
            browser.press(Keys.ENTER);
            assertThat(browser.waitFor("activation-code").getText()).matches("[0-9]{8}");

            browser.tabTo("psc-space-back", 20);
            browser.press(Keys.ENTER);
            browser.waitFor("psc-space-logout-all");
            tabToButtonOf(browser, "#psc-space-logout-all");
            browser.press(Keys.ENTER);
            assertThat(browser.waitFor("psc-space-message").getAttribute("data-reason")).isEqualTo("logged_out");
            assertThat(browser.consoleProblems()).isEmpty();
        }
    }

    /** Presses Tab until the focus is on the button of the form {@code form} (a CSS selector), 60 presses at most. */
    private static void tabToButtonOf(Chromium browser, String form) {
        for (int i = 0; i < 60; i++) {
            browser.press(Keys.TAB);
            Object there = browser.script("var e = document.activeElement;"
                    + " return e.tagName === 'BUTTON' && e.closest(arguments[0]) !== null;", form);
            if (Boolean.TRUE.equals(there)) {
                return;
            }
        }
        throw new AssertionError("the button of " + form + " not reached with 60 Tab presses on "
                + browser.driver().getCurrentUrl());
    }

    private static void check(Chromium browser, String page) throws Exception {
        List<String> violations = Axe.violations(browser);
        assertThat(violations).as("WCAG 2.1 A/AA violations on " + page).isEmpty();
        // A refusal is answered with its error status, which the console notes for the page itself.
        assertThat(browser.consoleProblems()).as("console of " + page)
                .allMatch(message -> message.contains("Failed to load resource: the server responded with a status")
                        && message.contains("/psc-space/"));
        browser.width(320);
        assertThat(browser.scrollsSideways()).as(page + " reflows at 320 px").isFalse();
        browser.screenshot(page, Chromium.PHONE);
        browser.screenshot(page, Chromium.DESKTOP);
    }
}
