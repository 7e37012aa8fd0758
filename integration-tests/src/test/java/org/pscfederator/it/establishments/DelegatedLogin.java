package org.pscfederator.it.establishments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.PscEndpoint;
import org.pscfederator.it.harness.SignedJwt;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A delegated login as a professional's browser goes through it: PSC's authorization request (with
 * {@code kc_idp_hint}, or by the login page's establishment tab), the establishment's own login (the sandbox
 * hospital's Keycloak realm, password then TOTP, or the test's provider, which logs in at once), back to PSC, and,
 * the first time, PSC's pairing page where the card (presented on the TLS connection) or the e-CPS app confirms
 * the professional's identity; then the relying service's code exchange.
 */
final class DelegatedLogin {

    static final String CLIENT = EcpsFlow.CLIENT;
    static final String REDIRECT = EcpsFlow.REDIRECT;
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*/broker/([^/\"]+)/login[^\"]*)\"");
    // Keycloak refuses a TOTP code used once (the realm's OTP policy is not reusable): the codes this run used, by
    // secret, so that two logins of one hospital user in the same 30 s wait for the next code.
    private static final Map<String, Long> USED_STEPS = new ConcurrentHashMap<>();

    private final PscEndpoint server;
    private final CardBrowser browser;
    private final CardBrowser.Request request;
    private long totpWaitNanos;

    DelegatedLogin(PscEndpoint server, CardBrowser browser) {
        this.server = server;
        this.browser = browser;
        this.request = CardBrowser.Request.of(CLIENT, REDIRECT);
    }

    CardBrowser browser() {
        return browser;
    }

    CardBrowser.Request request() {
        return request;
    }

    /** A hospital user as the hospital's realm knows them: login, password, and the TOTP app's secret. */
    record HospitalUser(String username, String password, String totpSecret) {
    }

    /** PSC's authorization request with {@code kc_idp_hint=alias}, followed to the establishment's side. */
    CardBrowser.Outcome startWithHint(String alias) throws Exception {
        CardBrowser.Outcome first = browser.open(request, "&acr_values=eidas1&kc_idp_hint=" + encode(alias));
        return follow(first, server.realmUrl());
    }

    /** PSC's login page, as shown without a hint (its establishment tab among the others). */
    CardBrowser.Outcome loginPage() throws Exception {
        CardBrowser.Outcome page = browser.open(request);
        assertThat(page.status()).as(page.page()).isEqualTo(200);
        return page;
    }

    /** The establishment tab's link to this provider, followed to the establishment's side. */
    CardBrowser.Outcome chooseEstablishment(CardBrowser.Outcome loginPage, String alias) throws Exception {
        Matcher link = HREF.matcher(loginPage.page());
        while (link.find()) {
            if (link.group(2).equals(alias)) {
                String url = link.group(1).replace("&amp;", "&");
                return follow(browser.get(URI.create(server.realmUrl()).resolve(url).toString()), server.realmUrl());
            }
        }
        throw new AssertionError("no link to the establishment " + alias + " on the login page:\n" + loginPage.page());
    }

    /** The sandbox hospital's login page: username and password, then the TOTP code; back to PSC. */
    CardBrowser.Outcome hospitalLogin(CardBrowser.Outcome loginPage, HospitalUser user) throws Exception {
        assertThat(loginPage.status()).as("the hospital's login page:\n" + loginPage.page()).isEqualTo(200);
        CardBrowser.Outcome afterPassword = browser.submit(loginPage, "kc-form-login", "username="
                + encode(user.username()) + "&password=" + encode(user.password()) + "&credentialId=");
        if (user.totpSecret() == null || !afterPassword.page().contains("kc-otp-login-form")) {
            return follow(afterPassword, null);
        }
        return follow(browser.submit(afterPassword, "kc-otp-login-form", "otp=" + timedFreshCode(user.totpSecret())),
                null);
    }

    /** The password page only (a user without OTP), followed back to PSC. */
    CardBrowser.Outcome hospitalPasswordOnly(CardBrowser.Outcome loginPage, String username, String password)
            throws Exception {
        return hospitalLogin(loginPage, new HospitalUser(username, password, null));
    }

    /** PSC's pairing page, the card tab: the browser presents its card in the TLS handshake. */
    CardBrowser.Outcome pairWithCard(CardBrowser.Outcome pairingPage) throws Exception {
        return follow(browser.choose(pairingPage, "card"), null);
    }

    /** PSC's pairing page, the e-CPS tab: the identifier, the phone approving with the code shown and its PIN. */
    CardBrowser.Outcome pairWithEcps(CardBrowser.Outcome pairingPage, String idNat, SimulatedDevice phone)
            throws Exception {
        CardBrowser.Outcome waiting = browser.submit(pairingPage, "psc-ecps-identifier", "ecps_step=identify&id_nat="
                + encode(idNat));
        EcpsFlow.Wait wait = EcpsFlow.waitPage(waiting);
        DeviceApiClient.Pending pending = EcpsFlow.pending(server, phone);
        DeviceApiClient.Answer answer = EcpsFlow.phone(server).answer(phone, EcpsFlow.PIN, pending.requestId(),
                wait.code(), true);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(EcpsFlow.state(server, wait, 5)).isEqualTo("approved");
        return follow(EcpsFlow.check(browser, wait), null);
    }

    /** Follows a link of a page (absolute, or relative to PSC's realm), and the redirects after it. */
    CardBrowser.Outcome visit(String link) throws Exception {
        return follow(browser.get(URI.create(server.realmUrl()).resolve(link).toString()), null);
    }

    /** Follows redirects as a browser does, until a page, or a redirect to the relying service. */
    CardBrowser.Outcome follow(CardBrowser.Outcome outcome) throws Exception {
        return follow(outcome, null);
    }

    private CardBrowser.Outcome follow(CardBrowser.Outcome outcome, String base) throws Exception {
        CardBrowser.Outcome current = outcome;
        String at = base == null ? server.realmUrl() : base;
        for (int hop = 0; hop < 15 && (current.redirected() || current.status() == 307); hop++) {
            String location = current.location();
            if (location == null || location.startsWith(REDIRECT)) {
                return current;
            }
            String next = URI.create(at).resolve(location).toString();
            at = next;
            current = browser.get(next);
        }
        return current;
    }

    /** The relying service's code exchange once the login came back to it; the tokens. */
    JsonNode tokens(CardBrowser.Outcome outcome) throws Exception {
        assertThat(outcome.redirected()).as("back to the relying service: " + outcome.page()).isTrue();
        assertThat(outcome.location()).startsWith(REDIRECT + "?");
        Map<String, String> parameters = outcome.redirectParameters();
        assertThat(parameters.get("state")).isEqualTo(request.state());
        assertThat(parameters).as("a code, no error: " + parameters).containsKey("code");
        return EcpsFlow.exchange(server, parameters.get("code"), request);
    }

    /** The ID token's claims, once its signature verified against PSC's JWKS. */
    JsonNode idToken(JsonNode tokens) throws Exception {
        JsonNode claims = SignedJwt.verified(server, tokens.get("id_token").asText());
        assertThat(claims.path("nonce").asText()).isEqualTo(request.nonce());
        return claims;
    }

    /** How long this login waited for a TOTP code it had not used yet (not part of the login's own time). */
    long totpWaitMillis() {
        return totpWaitNanos / 1_000_000;
    }

    private String timedFreshCode(String base32Secret) throws InterruptedException {
        long started = System.nanoTime();
        try {
            return freshCode(base32Secret);
        } finally {
            totpWaitNanos += System.nanoTime() - started;
        }
    }

    /** The current TOTP code of this secret, one this run has not used yet (waiting for the next when it has). */
    static String freshCode(String base32Secret) throws InterruptedException {
        Totp totp = Totp.ofBase32(base32Secret);
        while (true) {
            long step = totp.step(Instant.now());
            Long used = USED_STEPS.get(base32Secret);
            if (used == null || used < step) {
                if (USED_STEPS.compute(base32Secret, (key, old) -> old == null || old < step ? step : old) == step) {
                    return totp.codeOfStep(step);
                }
            }
            Duration untilNext = Duration.between(Instant.now(), totp.startOf(step + 1));
            Thread.sleep(Math.max(50, untilNext.toMillis() + 50));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
