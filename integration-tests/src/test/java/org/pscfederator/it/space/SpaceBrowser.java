package org.pscfederator.it.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;

/**
 * A professional's browser on "Mon compte e-CPS": logs in through PSC's login page with the card or the e-CPS app,
 * follows the redirects as a browser does, and posts the space's forms with the page's token and the space's origin.
 */
public final class SpaceBrowser {

    private static final Pattern TOKEN = Pattern.compile("name=\"psc_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ACTIVATION_CODE = Pattern.compile("id=\"activation-code\"[^>]*>([0-9]{8})<");

    final SandboxServer server;
    final CardBrowser browser;

    private SpaceBrowser(SandboxServer server, CardBrowser browser) {
        this.server = server;
        this.browser = browser.withHeader("Origin", origin(server));
    }

    static String spaceUrl(SandboxServer server) {
        return server.realmUrl() + "/psc-space";
    }

    static String origin(SandboxServer server) {
        URI base = URI.create(server.baseUrl());
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    public static SpaceBrowser withCard(SandboxServer server, String idNat) throws Exception {
        return new SpaceBrowser(server, CardBrowser.withCard(server, server.dataDir().resolve("pki/cards/" + idNat
                + ".p12")));
    }

    static SpaceBrowser withoutCard(SandboxServer server) throws Exception {
        return new SpaceBrowser(server, CardBrowser.withoutCard(server));
    }

    /** Opens the space; without a session, PSC's login page (after the space's redirect). */
    public CardBrowser.Outcome open() throws Exception {
        return follow(browser.get(spaceUrl(server)));
    }

    /** The card login from the space: the space, PSC's login page, "Carte CPS", back to the space. */
    public CardBrowser.Outcome loginWithCard() throws Exception {
        CardBrowser.Outcome login = open();
        assertThat(login.page()).as("PSC's login page").contains("psc-login-form");
        return follow(browser.choose(login, "card"));
    }

    /** The e-CPS login from the space with this device, approved on the phone. */
    CardBrowser.Outcome loginWithEcps(String idNat, SimulatedDevice device) throws Exception {
        CardBrowser.Outcome login = open();
        assertThat(login.page()).as("PSC's login page").contains("psc-ecps-identifier");
        EcpsFlow.Wait wait = EcpsFlow.waitPage(browser.submit(login, "psc-ecps-identifier",
                "ecps_step=identify&id_nat=" + idNat));
        String requestId = EcpsFlow.pending(server, device).requestId();
        assertThat(EcpsFlow.phone(server).answer(device, EcpsFlow.PIN, requestId, wait.code(), true).status())
                .isEqualTo(200);
        return follow(EcpsFlow.check(browser, wait));
    }

    /** Posts a form of the space with the token of this page of the space. */
    public CardBrowser.Outcome post(CardBrowser.Outcome page, String path, String body) throws Exception {
        return postWithToken(tokenOf(page), path, body);
    }

    CardBrowser.Outcome postWithToken(String token, String path, String body) throws Exception {
        String form = (token == null ? "" : "psc_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&")
                + body;
        return follow(browser.postForm(spaceUrl(server) + path, form));
    }

    static String tokenOf(CardBrowser.Outcome page) {
        Matcher token = TOKEN.matcher(page.page());
        assertThat(token.find()).as("a form token on the page:\n" + page.page()).isTrue();
        return token.group(1);
    }

    static String activationCode(CardBrowser.Outcome page) {
        Matcher code = ACTIVATION_CODE.matcher(page.page());
        assertThat(code.find()).as("an activation code on the page:\n" + page.page()).isTrue();
        return code.group(1);
    }

    /** Follows redirects within the server (the space, the login), as a browser does. */
    CardBrowser.Outcome follow(CardBrowser.Outcome outcome) throws Exception {
        CardBrowser.Outcome current = outcome;
        for (int i = 0; i < 10 && current.redirected() && current.location() != null; i++) {
            URI next = URI.create(server.baseUrl()).resolve(current.location());
            current = browser.get(next.toString());
        }
        return current;
    }
}
