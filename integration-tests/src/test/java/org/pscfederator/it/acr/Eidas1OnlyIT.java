package org.pscfederator.it.acr;

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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.it.harness.SignedJwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sandbox realm grants {@code eidas1} and nothing else, as production does: a request naming another level in
 * {@code acr_values} or in the claims parameter (OpenID Connect Core §5.5.1.1) is refused with invalid_request at
 * the authorization, PAR (RFC 9126 §2.3) and CIBA (CIBA §7.1, §13) endpoints; a request without acr_values and a
 * second login in the same browser get eidas1 in their tokens. With production's setting of the policy, a request
 * without acr_values is refused at the three endpoints (the production realm's own authorization and PAR requests:
 * ProductionClientPoliciesIT).
 */
@ExtendWith(SandboxServerExtension.class)
class Eidas1OnlyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "sandbox-rp";
    private static final String SECRET = "sandbox-rp-secret";
    private static final String REDIRECT = "https://localhost/sandbox-rp/callback";
    private static final String ID_NAT = "899700366240";
    private static final String CLAIMS_ID_TOKEN_ACR_0 = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"0\"]}}}";

    @Test
    void authorizationRequestWithAcrValuesZeroIsRefused(SandboxServer server) throws Exception {
        assertAuthorizationRefused(server, "&acr_values=0");
        assertAuthorizationRefused(server, "&acr_values=" + encode("eidas1 0"));
    }

    @Test
    void claimsParameterNamingAnotherAcrIsRefused(SandboxServer server) throws Exception {
        assertAuthorizationRefused(server, "&acr_values=eidas1&claims=" + encode(CLAIMS_ID_TOKEN_ACR_0));
        assertAuthorizationRefused(server, "&claims=" + encode("{\"id_token\":{\"acr\":{\"value\":\"1\"}}}"));
        assertAuthorizationRefused(server, "&acr_values=eidas1&claims="
                + encode("{\"userinfo\":{\"acr\":{\"essential\":true,\"value\":\"0\"}}}"));
    }

    @Test
    void pushedAuthorizationRequestWithAcrValuesZeroIsRefused(SandboxServer server) throws Exception {
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
        String form = "client_id=" + CLIENT + "&client_secret=" + SECRET + "&response_type=code"
                + "&redirect_uri=" + encode(REDIRECT) + "&scope=" + encode(request.scope())
                + "&state=" + request.state() + "&nonce=" + request.nonce()
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

        HttpResponse<String> refused = post(server, "ext/par/request", form + "&acr_values=0");
        HttpResponse<String> claims = post(server, "ext/par/request", form + "&acr_values=eidas1&claims="
                + encode(CLAIMS_ID_TOKEN_ACR_0));
        HttpResponse<String> accepted = post(server, "ext/par/request", form + "&acr_values=eidas1");

        assertRefusedNamingAcr(refused);
        assertRefusedNamingAcr(claims);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(JSON.readTree(accepted.body()).get("request_uri").asText())
                .startsWith("urn:ietf:params:oauth:request_uri:");
    }

    @Test
    void backchannelAuthenticationRequestWithAcrValuesZeroIsRefused(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String form = "client_id=" + CLIENT + "&client_secret=" + SECRET + "&login_hint=" + ID_NAT
                + "&binding_message=42&scope=" + encode("openid scope_all");

        long before = System.currentTimeMillis() - 1_000;

        assertRefusedNamingAcr(post(server, "ext/ciba/auth", form + "&acr_values=0"));
        assertRefusedNamingAcr(post(server, "ext/ciba/auth", form + "&acr_values=eidas1&claims="
                + encode(CLAIMS_ID_TOKEN_ACR_0)));
        assertThat(loginErrorsSince(server, before)).as("the refused requests' events, naming the level")
                .filteredOn(event -> event.path("details").toString().contains("acr")).hasSizeGreaterThanOrEqualTo(2);
    }

    /**
     * Production's setting of the same policy ({@code acr-values-required} on), in the PSC realm where CIBA runs: a
     * request without acr_values is refused at the authorization, PAR and CIBA endpoints instead of being served.
     */
    @Test
    void withProductionsSettingARequestWithoutAcrValuesIsRefusedEverywhere(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
        String par = "client_id=" + CLIENT + "&client_secret=" + SECRET + "&response_type=code"
                + "&redirect_uri=" + encode(REDIRECT) + "&scope=" + encode(request.scope())
                + "&state=" + request.state() + "&nonce=" + request.nonce()
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        String ciba = "client_id=" + CLIENT + "&client_secret=" + SECRET + "&login_hint=" + ID_NAT
                + "&binding_message=42&scope=" + encode("openid scope_all");
        String profiles = server.get(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM
                + "/client-policies/profiles", server.adminToken()).body();
        JsonNode relaxed = JSON.readTree(profiles);
        List<ObjectNode> settings = new ArrayList<>();
        relaxed.path("profiles").forEach(profile -> profile.path("executors").forEach(executor -> {
            if ("psc-acr-eidas1".equals(executor.path("executor").asText())) {
                settings.add((ObjectNode) executor.path("configuration"));
            }
        }));
        assertThat(settings).as("the sandbox's psc-acr-eidas1 executor, " + profiles).hasSize(1);
        assertThat(settings.get(0).path("acr-values-required").asText()).isEqualTo("false");
        settings.get(0).put("acr-values-required", "true");
        String production = JSON.writeValueAsString(relaxed);
        HttpResponse<String> pushed;
        HttpResponse<String> backchannel;
        putProfiles(server, production);
        try {
            assertAuthorizationRefused(server, "");
            pushed = post(server, "ext/par/request", par);
            backchannel = post(server, "ext/ciba/auth", ciba);
        } finally {
            putProfiles(server, profiles);
        }

        assertRefusedNamingAcr(pushed);
        assertRefusedNamingAcr(backchannel);
        assertThat(post(server, "ext/par/request", par).statusCode()).as("the sandbox's setting is back").isEqualTo(201);
    }

    @Test
    void loginWithoutAcrValuesGetsEidas1InTheIdAndAccessTokens(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        CardBrowser browser = CardBrowser.withCard(server, sandboxCard(server));
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);

        CardBrowser.Outcome page = browser.open(request, "");
        assertThat(page.status()).as(page.page()).isEqualTo(200);
        JsonNode tokens = tokens(server, browser.choose(page, "card"), request);

        assertThat(SignedJwt.verified(server, tokens.get("id_token").asText()).get("acr").asText())
                .isEqualTo("eidas1");
        assertThat(SignedJwt.verified(server, tokens.get("access_token").asText()).get("acr").asText())
                .isEqualTo("eidas1");
    }

    /**
     * A request asking eidas1 maps to Keycloak's level 1, which an SSO cookie alone (level 0) does not meet: the
     * professional presents the card again, and the tokens say eidas1.
     */
    @Test
    void secondLoginAskingEidas1PresentsTheCardAgain(SandboxServer server) throws Exception {
        CardBrowser browser = loggedInOnce(server);
        CardBrowser.Request second = CardBrowser.Request.of(CLIENT, REDIRECT);

        CardBrowser.Outcome page = browser.open(second);

        assertThat(browser.hasCookie("KEYCLOAK_IDENTITY")).as("the first login's session").isTrue();
        assertThat(page.status()).as(page.page()).isEqualTo(200);
        assertThat(page.page()).contains("id=\"psc-login-form\"");
        JsonNode tokens = tokens(server, browser.choose(page, "card"), second);
        assertThat(SignedJwt.verified(server, tokens.get("id_token").asText()).get("acr").asText())
                .isEqualTo("eidas1");
    }

    /**
     * Sandbox only, a request without acr_values is served by the SSO session, where Keycloak's own acr mapper
     * would say "0": the session is as eidas1 as the card login that opened it.
     */
    @Test
    void secondLoginWithoutAcrValuesIsServedBySsoWithEidas1(SandboxServer server) throws Exception {
        CardBrowser browser = loggedInOnce(server);
        CardBrowser.Request second = CardBrowser.Request.of(CLIENT, REDIRECT);

        CardBrowser.Outcome bySso = browser.open(second, "");

        assertThat(bySso.redirected()).as("SSO: no login page the second time; HTTP " + bySso.status() + " "
                + bySso.page()).isTrue();
        JsonNode tokens = tokens(server, bySso, second);
        JsonNode idToken = SignedJwt.verified(server, tokens.get("id_token").asText());
        assertThat(idToken.get("acr").asText()).isEqualTo("eidas1");
        assertThat(idToken.get("amr").toString()).isEqualTo("[\"sc\",\"pin\",\"mfa\"]");
        assertThat(SignedJwt.verified(server, tokens.get("access_token").asText()).get("acr").asText())
                .isEqualTo("eidas1");
    }

    @Test
    void discoveryOffersEidas1Only(SandboxServer server) throws Exception {
        JsonNode doc = server.getJson(server.realmUrl() + "/.well-known/openid-configuration");

        assertThat(doc.get("acr_values_supported").toString()).isEqualTo("[\"eidas1\"]");
    }

    /** A browser that has logged in with the card once: it holds an SSO session. */
    private static CardBrowser loggedInOnce(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        CardBrowser browser = CardBrowser.withCard(server, sandboxCard(server));
        CardBrowser.Request first = CardBrowser.Request.of(CLIENT, REDIRECT);
        tokens(server, browser.loginWithCard(first), first);
        return browser;
    }

    private static void assertAuthorizationRefused(SandboxServer server, String levelParameters) throws Exception {
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);

        CardBrowser.Outcome outcome = CardBrowser.withoutCard(server).open(request, levelParameters);

        assertThat(outcome.redirected()).as(levelParameters + ": " + outcome.page()).isTrue();
        Map<String, String> answer = outcome.redirectParameters();
        assertThat(outcome.location()).startsWith(REDIRECT + "?");
        assertThat(answer).as(levelParameters).containsEntry("error", "invalid_request")
                .containsEntry("state", request.state()).doesNotContainKey("code");
        assertThat(answer.get("error_description")).as(levelParameters).contains("acr");
    }

    private static void putProfiles(SandboxServer server, String profiles) throws Exception {
        HttpResponse<String> put = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/"
                        + SandboxServer.REALM + "/client-policies/profiles"))
                .header("Authorization", "Bearer " + server.adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(profiles)).build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
    }

    private static List<JsonNode> loginErrorsSince(SandboxServer server, long time) throws Exception {
        List<JsonNode> recent = new ArrayList<>();
        server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM
                + "/events?type=LOGIN_ERROR&client=" + CLIENT + "&max=100", server.adminToken()).forEach(event -> {
                    if (event.path("time").asLong() >= time) {
                        recent.add(event);
                    }
                });
        return recent;
    }

    private static void assertRefusedNamingAcr(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asText()).isEqualTo("invalid_request");
        assertThat(error.get("error_description").asText()).contains("acr");
    }

    private static JsonNode tokens(SandboxServer server, CardBrowser.Outcome outcome, CardBrowser.Request request)
            throws Exception {
        assertThat(outcome.redirected()).as(outcome.page()).isTrue();
        HttpResponse<String> response = CardBrowser.exchange(server, outcome.redirectParameters().get("code"),
                request, SECRET);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> post(SandboxServer server, String path, String form) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(server.realmUrl() + "/protocol/openid-connect/" + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static Path sandboxCard(SandboxServer server) {
        return server.dataDir().resolve("pki/cards/" + ID_NAT + ".p12");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
