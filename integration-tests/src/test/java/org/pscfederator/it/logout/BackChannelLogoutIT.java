package org.pscfederator.it.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.AdminTool;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.DemoRelyingService;
import org.pscfederator.it.harness.FreePort;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * OpenID Connect Back-Channel Logout 1.0 between PSC and the demo relying service, both real processes over HTTPS:
 * PSC's rule that a professional's logout ends the relying service's session as well as PSC's. The demo registered
 * with {@code psc-admin client register --backchannel-logout-uri}; Keycloak posts a logout token to it, over TLS
 * trusting the sandbox CAs, when the professional logs out at PSC or an administrator ends the session.
 */
@Tag("psc-logout")
@ExtendWith(SandboxServerExtension.class)
class BackChannelLogoutIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IDNAT = "899700366240";
    private static final String LOGGED_OUT = "Vous êtes déconnecté";
    /** PSC's rule as this test reads it: the relying service's session ends within a second of PSC's. */
    private static final Duration WITHIN = Duration.ofSeconds(1);

    /** PSC's logout confirmation form: its action and the session code it carries. */
    private static final Pattern CONFIRM_FORM = Pattern.compile(
            "action=\"([^\"]+)\"[^>]*>\\s*<input type=\"hidden\" name=\"session_code\" value=\"([^\"]+)\"");

    private static int port;
    private static String clientId;
    private static IssuedCertificate certificate;

    @BeforeAll
    static void registerTheDemo(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        port = FreePort.find();
        clientId = "it-demo-bcl";
        certificate = TestPki.open(server.dataDir().resolve("pki"))
                .issueClient(ClientRequest.of(clientId).withOrganisation("CABINET DEMO", "R95141"));
        String demo = "https://localhost:" + port;
        Launcher.Result registered = AdminTool.client(server, SandboxServer.ADMIN_PASSWORD, "register",
                "--client-id", clientId, "--redirect-uri", demo + "/callback", "--post-logout-redirect-uri",
                demo + "/", "--backchannel-logout-uri", demo + "/backchannel-logout", "--cert",
                certificate.certificatePem().toString());
        assertThat(registered.exitCode()).as(registered.stderr()).isZero();
        JsonNode client = server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM
                + "/clients?search=false&clientId=" + clientId, server.adminToken()).get(0);
        assertThat(client.path("frontchannelLogout").asBoolean(true)).isFalse();
        assertThat(client.path("attributes").path("backchannel.logout.url").asText())
                .isEqualTo(demo + "/backchannel-logout");
        assertThat(client.path("attributes").path("backchannel.logout.session.required").asText()).isEqualTo("true");
    }

    @Test
    void aLogoutAtPscEndsTheDemosSessionWithinASecond(SandboxServer server) throws Exception {
        try (DemoRelyingService demo = startDemo(server)) {
            CardBrowser browser = loggedInThroughTheDemo(server, demo);

            // The professional logs out at PSC itself (not through the demo): PSC asks to confirm, then ends it.
            CardBrowser.Outcome confirm = browser.get(server.realmUrl() + "/protocol/openid-connect/logout");
            assertThat(confirm.status()).as(confirm.page()).isEqualTo(200);
            Matcher form = CONFIRM_FORM.matcher(confirm.page());
            assertThat(form.find()).as(confirm.page()).isTrue();
            // The theme names the action by its path, as a browser resolves it against the page.
            String action = URI.create(server.realmUrl()).resolve(form.group(1).replace("&amp;", "&")).toString();
            CardBrowser.Outcome loggedOut = browser.postForm(action,
                    "session_code=" + URLEncoder.encode(form.group(2), StandardCharsets.UTF_8) + "&confirmLogout=1");
            assertThat(loggedOut.status()).as(loggedOut.page()).isLessThan(400);

            assertDemoShowsLoggedOutWithin(browser, demo);
            assertThat(demo.log()).contains("back-channel logout from PSC: 1 session(s) ended");
            assertThat(browser.get(browser.get(demo.url() + "/login").location()).page())
                    .contains("psc-login-form");
        }
    }

    @Test
    void anAdministratorEndingTheSessionEndsTheDemosSessionWithinASecond(SandboxServer server) throws Exception {
        try (DemoRelyingService demo = startDemo(server)) {
            CardBrowser browser = loggedInThroughTheDemo(server, demo);
            String sid = pscSessionOf(server);

            HttpResponse<String> ended = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                            + "/admin/realms/" + SandboxServer.REALM + "/sessions/" + sid))
                    .header("Authorization", "Bearer " + server.adminToken()).DELETE().build());
            assertThat(ended.statusCode()).as(ended.body()).isEqualTo(204);
            assertDemoShowsLoggedOutWithin(browser, demo);

            // The admin API's "log the user out" (every session of the professional) does the same.
            CardBrowser again = loggedInThroughTheDemo(server, demo);
            HttpResponse<String> userLogout = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                            + "/admin/realms/" + SandboxServer.REALM + "/users/" + userId(server) + "/logout"))
                    .header("Authorization", "Bearer " + server.adminToken())
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(userLogout.statusCode()).as(userLogout.body()).isEqualTo(204);
            assertDemoShowsLoggedOutWithin(again, demo);
        }
    }

    /** Section 2.6: whatever does not verify is answered 400 with a JSON error, and no session ends. */
    @Test
    void forgedUnsignedOrOtherAudienceLogoutTokensAreRefusedAndEndNothing(SandboxServer server) throws Exception {
        try (DemoRelyingService demo = startDemo(server)) {
            CardBrowser browser = loggedInThroughTheDemo(server, demo);
            String sid = pscSessionOf(server);
            String subject = userId(server);
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(server.realmUrl()).audience(clientId)
                    .subject(subject).claim("sid", sid).issueTime(new Date()).jwtID("forged-" + System.nanoTime())
                    .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                    .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                    .build();
            // Signed by a key of the forger's, under the kid of PSC's own signing key.
            String kid = server.getJson(server.realmUrl() + "/protocol/openid-connect/certs").get("keys").get(0)
                    .path("kid").asText();
            RSAKey forger = new RSAKeyGenerator(2048).keyID(kid).generate();
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
            forged.sign(new RSASSASigner(forger));
            // An ID token PSC did sign, in the same PSC session, but for another relying service and not a logout.
            String otherAudience = idTokenOfSandboxRp(server, browser);
            assertThat(JSON.readTree(Base64.getUrlDecoder().decode(otherAudience.split("\\.")[1]))
                    .path("sid").asText()).isEqualTo(sid);

            for (String bad : new String[] {forged.serialize(), new PlainJWT(claims).serialize(), otherAudience,
                    "not-a-jwt"}) {
                HttpResponse<String> refused = postLogoutToken(server.caBundle(), demo, "logout_token="
                        + URLEncoder.encode(bad, StandardCharsets.UTF_8));
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
                assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo("invalid_request");
                assertThat(JSON.readTree(refused.body()).path("error_description").asText())
                        .contains("logout token refused");
            }
            HttpResponse<String> none = postLogoutToken(server.caBundle(), demo, "something=else");
            assertThat(none.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(none.body()).path("error_description").asText())
                    .isEqualTo("logout_token is missing");

            assertThat(browser.get(demo.url() + "/").page()).contains("<dd id=\"idnat\">" + IDNAT + "</dd>")
                    .doesNotContain(LOGGED_OUT);
            assertThat(demo.log()).doesNotContain("back-channel logout from PSC").doesNotContain("eyJ");
            // PSC's session was not touched either.
            assertThat(sessionsOf(server)).anyMatch(session -> session.path("id").asText().equals(sid));
        }
    }

    /** RP-initiated logout (the demo's button) with id_token_hint and post_logout_redirect_uri still works. */
    @Test
    void theDemosOwnLogoutEndsPscsSessionAndComesBack(SandboxServer server) throws Exception {
        try (DemoRelyingService demo = startDemo(server)) {
            CardBrowser browser = loggedInThroughTheDemo(server, demo);

            CardBrowser.Outcome toLogout = browser.post(demo.url() + "/logout");
            assertThat(toLogout.location()).startsWith(server.realmUrl() + "/protocol/openid-connect/logout?")
                    .contains("id_token_hint=", "post_logout_redirect_uri="
                            + URLEncoder.encode(demo.url() + "/", StandardCharsets.UTF_8));
            CardBrowser.Outcome back = browser.get(toLogout.location());
            assertThat(back.location()).as(back.status() + " " + back.page()).startsWith(demo.url() + "/");
            assertThat(browser.get(back.location()).page()).contains(LOGGED_OUT).doesNotContain(IDNAT);
            assertThat(browser.get(browser.get(demo.url() + "/login").location()).page())
                    .contains("psc-login-form");
        }
    }

    private static DemoRelyingService startDemo(SandboxServer server) throws Exception {
        return DemoRelyingService.start(server, port, "--client-id", clientId, "--cert",
                certificate.keystore().toString());
    }

    private static CardBrowser loggedInThroughTheDemo(SandboxServer server, DemoRelyingService demo)
            throws Exception {
        CardBrowser browser = CardBrowser.withCard(server, server.dataDir().resolve("pki").resolve("cards")
                .resolve(IDNAT + ".p12"));
        CardBrowser.Outcome loginPage = browser.get(browser.get(demo.url() + "/login").location());
        assertThat(loginPage.status()).as(loginPage.page()).isEqualTo(200);
        CardBrowser.Outcome back = browser.choose(loginPage, "card");
        assertThat(back.location()).as(back.page()).startsWith(demo.url() + "/callback?");
        assertThat(browser.get(back.location()).status()).as(demo.log()).isEqualTo(302);
        assertThat(browser.get(demo.url() + "/").page()).contains("<dd id=\"idnat\">" + IDNAT + "</dd>");
        return browser;
    }

    /** Polls the demo's page as the professional's browser would, from the moment PSC's logout is done. */
    private static void assertDemoShowsLoggedOutWithin(CardBrowser browser, DemoRelyingService demo)
            throws Exception {
        long start = System.nanoTime();
        String page;
        do {
            page = browser.get(demo.url() + "/").page();
            if (page.contains(LOGGED_OUT)) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() - start < WITHIN.toNanos());
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(page).as("the demo's page " + elapsed + " ms after PSC's logout; demo log:\n" + demo.log())
                .contains(LOGGED_OUT).doesNotContain(IDNAT);
        assertThat(elapsed).isLessThan(WITHIN.toMillis());
    }

    private static String userId(SandboxServer server) throws Exception {
        return server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM
                + "/users?exact=true&username=" + IDNAT, server.adminToken()).get(0).path("id").asText();
    }

    private static Iterable<JsonNode> sessionsOf(SandboxServer server) throws Exception {
        return server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM + "/users/" + userId(server)
                + "/sessions", server.adminToken());
    }

    /** The PSC session in which this browser logged in to the demo (the sid of its logout tokens). */
    private static String pscSessionOf(SandboxServer server) throws Exception {
        String found = null;
        long latest = Long.MIN_VALUE;
        for (JsonNode session : sessionsOf(server)) {
            for (JsonNode client : session.path("clients")) {
                if (client.asText().equals(clientId) && session.path("start").asLong() > latest) {
                    latest = session.path("start").asLong();
                    found = session.path("id").asText();
                }
            }
        }
        assertThat(found).as("a PSC session of " + clientId).isNotNull();
        return found;
    }

    /** The same browser logs in to sandbox-rp too (single sign-on in its PSC session); sandbox-rp's ID token. */
    private static String idTokenOfSandboxRp(SandboxServer server, CardBrowser browser) throws Exception {
        CardBrowser.Request request = CardBrowser.Request.of("sandbox-rp", "https://localhost/sandbox-rp/callback");
        CardBrowser.Outcome outcome = browser.open(request);
        if (outcome.status() == 200) {
            outcome = browser.choose(outcome, "card");
        }
        assertThat(outcome.location()).as(outcome.page()).startsWith("https://localhost/sandbox-rp/callback?");
        HttpResponse<String> tokens = CardBrowser.exchange(server, outcome.redirectParameters().get("code"), request,
                "sandbox-rp-secret");
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body()).path("id_token").asText();
    }

    private static HttpResponse<String> postLogoutToken(Path caBundle, DemoRelyingService demo, String form) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(SandboxServer.trusting(caBundle)).build();
        return client.send(HttpRequest.newBuilder(URI.create(demo.url() + "/backchannel-logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
