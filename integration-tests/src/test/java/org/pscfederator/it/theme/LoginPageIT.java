package org.pscfederator.it.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.PIN;
import static org.pscfederator.it.ecps.EcpsFlow.check;
import static org.pscfederator.it.ecps.EcpsFlow.pending;
import static org.pscfederator.it.ecps.EcpsFlow.phone;
import static org.pscfederator.it.ecps.EcpsFlow.sandboxDevice;
import static org.pscfederator.it.ecps.EcpsFlow.startLogin;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

/**
 * PSC's login page as the server sends it: PSC's layout (tabs for e-CPS, the card and the establishments' logins,
 * the e-CPS identifier on the first page, what to check when no card is read), French by default and English when the browser asks, and on every page of the login
 * a Content-Security-Policy that runs no inline script, with pages that need none.
 */
@Tag("psc-login-pages")
@ExtendWith(SandboxServerExtension.class)
class LoginPageIT {

    private static final String CLIENT = EcpsFlow.CLIENT;
    private static final String REDIRECT = EcpsFlow.REDIRECT;
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    /** Keycloak's own script in a page answering a form post (BrowserHistoryHelper); the policy blocks it. */
    private static final Pattern KEYCLOAK_HISTORY_SCRIPT = Pattern.compile(
            "<SCRIPT> if \\(typeof history.replaceState === 'function'\\) \\{[^<]*\\}</SCRIPT>");
    private static final Pattern INLINE_HANDLER_OR_STYLE = Pattern.compile("<[^>]+\\s(on[a-z]+|style)\\s*=",
            Pattern.CASE_INSENSITIVE);

    @Test
    void loginPageIsPscsInFrench(SandboxServer server) throws Exception {
        CardBrowser.Outcome page = CardBrowser.withoutCard(server).open(CardBrowser.Request.of(CLIENT, REDIRECT));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.page()).contains("lang=\"fr\"", "<title>Connectez-vous – Pro Santé Connect (bac à sable)</title>",
                ">Connectez-vous</h1>", "role=\"tablist\"", ">Application e-CPS</button>", ">Carte CPS</button>",
                "<form id=\"psc-ecps-identifier\"", "<label for=\"id_nat\" class=\"psc-label\">Votre identifiant RPPS",
                "Mémoriser mon identifiant sur ce poste", ">Se connecter avec e-CPS</button>",
                "<form id=\"psc-login-form\"", "value=\"card\">Se connecter avec ma carte CPS</button>",
                "lecteur de cartes", "Cryptolib CPS", "navigateur", ">Identifiant de mon établissement</button>",
                "id=\"psc-establishment-hopital-demo\"", ">Centre hospitalier de démonstration</a>");
        // The e-CPS tab is the one open; the card's panel follows it, shown when its tab is chosen.
        assertThat(page.page()).containsPattern("id=\"psc-tab-ecps\" class=\"psc-tab\" aria-controls=\"psc-panel-ecps\""
                + "\\s+aria-selected=\"true\"");
        assertThat(page.page().indexOf("psc-panel-ecps\" class")).isLessThan(page.page().indexOf(
                "psc-panel-card\" class"));
    }

    @Test
    void loginPageSpeaksEnglishWhenTheBrowserAsksForIt(SandboxServer server) throws Exception {
        CardBrowser.Outcome page = CardBrowser.withoutCard(server).withHeader("Accept-Language", "en-GB,en;q=0.9")
                .open(CardBrowser.Request.of(CLIENT, REDIRECT));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.page()).contains("lang=\"en\"", ">Log in</h1>", ">e-CPS app</button>", ">CPS card</button>",
                "Your RPPS identifier", "Remember my identifier on this computer", ">Log in with e-CPS</button>",
                "Log in with my CPS card", "card reader", ">My establishment&#39;s login</button>").doesNotContain("Connectez-vous", "Votre identifiant");
    }

    /**
     * The third tab lists the realm's enabled providers whose settings say pscEstablishment=true, by the name they
     * give (pscEstablishmentName), each a link to its login; neither another provider nor a disabled establishment.
     */
    @Test
    @Tag("psc-establishments")
    void establishmentTabListsOnlyTheEnabledEstablishmentsProviders(SandboxServer server) throws Exception {
        String token = server.adminToken();
        String providers = server.baseUrl() + "/admin/realms/esante-wallet/identity-provider/instances";
        create(server, token, providers, provider("theme-it-other", true, Map.of()));
        create(server, token, providers, provider("theme-it-disabled", false, Map.of("pscEstablishment", "true",
                "pscEstablishmentName", "Clinique désactivée", "pscStructures", "finess:759900063")));
        create(server, token, providers, provider("theme-it-clinic", true, Map.of("pscEstablishment", "true",
                "pscEstablishmentName", "Clinique <Test> & associés", "pscStructures", "finess:759900063")));
        try {
            CardBrowser.Outcome page = CardBrowser.withoutCard(server).open(CardBrowser.Request.of(CLIENT, REDIRECT));

            assertThat(page.page()).contains("role=\"tab\" id=\"psc-tab-establishment\"",
                    "id=\"psc-panel-establishment\" class=\"psc-tabpanel\" role=\"tabpanel\"",
                    "href=\"/auth/realms/esante-wallet/broker/hopital-demo/login?",
                    "href=\"/auth/realms/esante-wallet/broker/theme-it-clinic/login?",
                    ">Clinique &lt;Test&gt; &amp; associés</a>")
                    .doesNotContain("theme-it-other", "theme-it-disabled", "Clinique désactivée");
        } finally {
            for (String alias : new String[] {"theme-it-other", "theme-it-disabled", "theme-it-clinic"}) {
                server.send(HttpRequest.newBuilder(URI.create(providers + "/" + alias))
                        .header("Authorization", "Bearer " + token).DELETE().build());
            }
        }
    }

    private static String provider(String alias, boolean enabled, Map<String, String> settings) throws Exception {
        ObjectNode provider = new ObjectMapper()
                .createObjectNode().put("alias", alias).put("providerId", "oidc").put("enabled", enabled)
                .put("displayName", alias);
        ObjectNode config = provider.putObject("config")
                .put("clientId", "psc").put("clientSecret", "secret").put("clientAuthMethod", "client_secret_basic")
                .put("authorizationUrl", "https://idp.example.test/auth").put("tokenUrl", "https://idp.example.test/token");
        settings.forEach(config::put);
        return provider.toString();
    }

    private static void create(SandboxServer server, String token, String url, String json) throws Exception {
        int status = server.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build()).statusCode();
        assertThat(status).as("creating a provider").isEqualTo(201);
    }

    @Test
    void loginPageInFrenchWhenTheBrowserAsksForALanguageWeDoNotSpeak(SandboxServer server) throws Exception {
        CardBrowser.Outcome page = CardBrowser.withoutCard(server).withHeader("Accept-Language", "de-DE,de")
                .open(CardBrowser.Request.of(CLIENT, REDIRECT));

        assertThat(page.page()).contains("lang=\"fr\"", ">Connectez-vous</h1>");
    }

    /** CSP Level 3 script-src 'self': no inline script or handler runs; the pages have none to run. */
    @Test
    void everyPageOfTheLoginForbidsInlineScriptsAndHasNone(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        SimulatedDevice device = sandboxDevice(server, "899700218896");
        Map<String, CardBrowser.Outcome> pages = new LinkedHashMap<>();
        CardBrowser browser = CardBrowser.withoutCard(server);
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
        CardBrowser.Outcome login = browser.open(request);
        pages.put("login", login);
        pages.put("card error", browser.choose(login, "card"));
        // A fresh login: the first page's form was used by the card's post.
        pages.put("identifier error", browser.submit(browser.open(request), "psc-ecps-identifier",
                "ecps_step=identify&id_nat=x%20y"));
        EcpsFlow.Wait wait = startLogin(browser, request, "899700218896");
        pages.put("wait", wait.page());
        assertThat(phone(server).answer(device, PIN, pending(server, device).requestId(), wait.code(), false)
                .status()).isEqualTo(200);
        pages.put("e-CPS error", check(browser, wait));
        pages.put("Keycloak error", browser.open(CardBrowser.Request.of(CLIENT, "https://evil.example/cb")));
        pages.put("password login (benchmark baseline)", browser.open(CardBrowser.Request.of("psc-bench",
                "https://localhost/bench/callback"), ""));

        assertThat(KEYCLOAK_HISTORY_SCRIPT.matcher(pages.get("card error").page()).find())
                .as("Keycloak's own script, the one left out below, is still what it was").isTrue();
        pages.forEach((name, page) -> {
            assertThat(page.contentSecurityPolicy()).as(name).contains("script-src 'self'", "style-src 'self'",
                    "object-src 'none'", "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
            if (!name.startsWith("password")) {
                // Keycloak's password page (the benchmark's baseline only) keeps its base theme's inline handler.
                String ours = KEYCLOAK_HISTORY_SCRIPT.matcher(page.page()).replaceAll("");
                assertThat(INLINE_SCRIPT.matcher(ours).find()).as(name + ": inline script").isFalse();
                assertThat(INLINE_HANDLER_OR_STYLE.matcher(page.page()).find()).as(name + ": inline handler or style")
                        .isFalse();
            }
        });
        assertThat(pages.get("card error").page()).contains("data-reason=\"no_certificate\"");
        assertThat(pages.get("identifier error").page()).contains("data-reason=\"invalid_identifier\"");
        assertThat(pages.get("e-CPS error").page()).contains("data-reason=\"denied\"");
        assertThat(pages.get("wait").page()).contains("js/psc-ecps-wait.js", "role=\"status\"",
                "aria-live=\"polite\"", "value=\"retry\">Envoyer une nouvelle demande</button>");
    }
}
