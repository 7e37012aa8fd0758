package org.pscfederator.it.cps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.RelyingServiceChecks;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.testpki.CardRequest;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.TestPki;
import org.pscfederator.testpki.Validity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * PSC card login, a CPS card over a TLS client certificate, against the sandbox over real TLS: the browser presents
 * the card's certificate in the handshake, PSC's login page logs the professional in, and the relying service gets
 * its code, tokens and signed userinfo.
 */
@Tag("psc-card-login")
@ExtendWith(SandboxServerExtension.class)
class CardLoginIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "sandbox-rp";
    private static final String SECRET = "sandbox-rp-secret";
    private static final String REDIRECT = "https://localhost/sandbox-rp/callback";

    @ParameterizedTest
    @ValueSource(strings = {"899700366240", "899900000110", "0759960011", "899900000219",
            "3500000001815646/CPAT00045"})
    void professionalLogsInWithTheirSandboxCard(String idNat, SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        CardBrowser browser = CardBrowser.withCard(server, sandboxCard(server, idNat));
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);

        CardBrowser.Outcome outcome = browser.loginWithCard(request);

        assertThat(outcome.redirected()).as(outcome.page()).isTrue();
        assertThat(outcome.location()).startsWith(REDIRECT + "?");
        Map<String, String> parameters = outcome.redirectParameters();
        assertThat(parameters.get("state")).isEqualTo(request.state());
        JsonNode tokens = exchange(server, parameters.get("code"), request);
        RelyingServiceChecks.loggedInAs(server, tokens, request, idNat, "[\"sc\",\"pin\",\"mfa\"]");
        assertThat(loginEvents(server, "LOGIN", idNat)).anySatisfy(event -> {
            assertThat(event.at("/details/psc_means").asText()).isEqualTo("CPS");
            assertThat(event.at("/details/psc_cert_serial").asText()).isNotEmpty();
            assertThat(event.at("/details/psc_cert_issuer").asText()).contains("TEST AC PSC SANDBOX PERSONNES");
        });
    }

    @Test
    void loginPageOffersTheCardAndTheApp(SandboxServer server) throws Exception {
        CardBrowser.Outcome page = CardBrowser.withoutCard(server).open(CardBrowser.Request.of(CLIENT, REDIRECT));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.page()).contains("Carte CPS").contains("Application e-CPS").contains("lang=\"fr\"");
    }

    @Test
    void withoutACardTheProfessionalIsToldWhatToCheck(SandboxServer server) throws Exception {
        CardBrowser browser = CardBrowser.withoutCard(server);
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);

        CardBrowser.Outcome outcome = browser.loginWithCard(request);

        assertRefusedInFrench(outcome, "no_certificate", "Aucune carte CPS n&#39;a été présentée");
        assertThat(outcome.page()).contains("lecteur de cartes").contains("Cryptolib CPS")
                .contains("Réessayer avec ma carte");
        assertThat(browser.choose(outcome, "card").page()).as("the retry works, and fails the same way")
                .contains("data-reason=\"no_certificate\"");
        assertNoSession(browser, request);
        assertThat(loginEvents(server, "LOGIN_ERROR", null)).as("a login-error event with the reason")
                .anySatisfy(event -> {
                    assertThat(event.at("/details/psc_reason").asText()).isEqualTo("no_certificate");
                    assertThat(event.at("/details/psc_means").asText()).isEqualTo("CPS");
                });
    }

    @Test
    void revokedCardIsRefused(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        // Bad cards get idNats of their own: the sandbox identities' cards stay as they are for the other tests.
        IssuedCertificate card = pki(server).issueCard(CardRequest.of("899999990011").withRevoked(true));

        assertRefused(server, card.keystore(), "899999990011", "certificate_revoked", "révoquée");
    }

    @Test
    void orgCertificatePresentedAsACardIsRefused(SandboxServer server) throws Exception {
        IssuedCertificate org = pki(server).issueClient(ClientRequest.of("card-login-it-rp"));

        assertRefused(server, org.keystore(), null, "untrusted_issuer", "autorité reconnue");
    }

    @Test
    void certificateWithoutTheCardPolicyIsRefused(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        IssuedCertificate card = pki(server).issueCardWithoutPolicy(CardRequest.of("899900000417"));

        assertRefused(server, card.keystore(), null, "policy_missing", "certificat d&#39;authentification");
    }

    @Test
    void idNatUnknownToTheDirectoryIsRefused(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        IssuedCertificate card = pki(server).issueCard(CardRequest.of("899999999990"));

        assertRefused(server, card.keystore(), "899999999990", "unknown_professional", "annuaire");
    }

    @Test
    void professionalNoLongerInTheDirectoryIsRefused(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        Path card = sandboxCard(server, "899700427869");
        Path national = Launcher.repoRoot().resolve(
                "realm-config/directory/PS_LibreAcces_Personne_activite_sandbox.txt");
        List<String> without = Files.readAllLines(national, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.contains("|899700427869|")).toList();
        assertThat(server.importDirectory((String.join("\n", without) + "\n").getBytes(StandardCharsets.UTF_8),
                null, server.adminToken()).statusCode()).isEqualTo(200);
        try {
            assertRefused(server, card, "899700427869", "unknown_professional", "annuaire");
        } finally {
            server.importSandboxDirectories();
        }
    }

    @Test
    void staleCrlPastItsGraceRefusesEveryCard(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        TestPki pki = pki(server);
        Instant now = Instant.now();
        pki.signCrls(now.minus(Duration.ofDays(8)), now.minus(Duration.ofHours(7)));
        try {
            assertRefused(server, sandboxCard(server, "899900000516"), "899900000516", "revocation_unknown",
                    "ne peut pas être vérifiée");
        } finally {
            pki.refreshCrls(Duration.ofDays(7));
        }
        CardBrowser.Outcome again = CardBrowser.withCard(server, sandboxCard(server, "899900000516"))
                .loginWithCard(CardBrowser.Request.of(CLIENT, REDIRECT));
        assertThat(again.redirected()).as("a fresh CRL lets the card in again").isTrue();
    }

    @Test
    void expiredCardIsRefused(SandboxServer server) throws Exception {
        // Bad cards get idNats of their own: the sandbox identities' cards stay as they are for the other tests.
        IssuedCertificate card = pki(server).issueCard(CardRequest.of("899999990029").withValidity(Validity.EXPIRED));

        assertRefused(server, card.keystore(), null, "certificate_expired", "a expiré");
    }

    @Test
    void cardNotYetValidIsRefused(SandboxServer server) throws Exception {
        IssuedCertificate card = pki(server).issueCard(CardRequest.of("899999990037")
                .withValidity(Validity.NOT_YET_VALID));

        assertRefused(server, card.keystore(), null, "certificate_not_yet_valid", "pas encore valide");
    }

    @Test
    void selfSignedLookalikeWithTheSameNamesIsRefused(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        IssuedCertificate lookalike = pki(server).issueLookalikeCard(CardRequest.of("899700366240"));

        assertRefused(server, lookalike.keystore(), null, "untrusted_issuer", "autorité reconnue");
    }

    /** Only the TLS front may say which certificate a browser presented: a header sent by the client is dropped. */
    @Test
    void certificateHeaderSentByTheClientIsIgnored(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String pem = Files.readString(server.dataDir().resolve("pki/cards/899700366240.crt.pem"));
        CardBrowser browser = CardBrowser.withoutCard(server)
                .withHeader("ssl-client-cert", URLEncoder.encode(pem, StandardCharsets.US_ASCII));
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);

        CardBrowser.Outcome outcome = browser.loginWithCard(request);

        assertRefusedInFrench(outcome, "no_certificate", "Aucune carte CPS");
        assertNoSession(browser, request);
    }

    /** Refused with the French page, no session, and a login-error event naming the card's certificate. */
    private static void assertRefused(SandboxServer server, Path card, String idNat, String reason, String french)
            throws Exception {
        String serial = serialOf(card);
        CardBrowser browser = CardBrowser.withCard(server, card);
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);

        CardBrowser.Outcome outcome = browser.loginWithCard(request);

        assertRefusedInFrench(outcome, reason, french);
        assertNoSession(browser, request);
        assertThat(loginEvents(server, "LOGIN_ERROR", null)).as("a login-error event with the reason")
                .anySatisfy(event -> {
                    assertThat(event.at("/details/psc_cert_serial").asText()).isEqualTo(serial);
                    assertThat(event.at("/details/psc_reason").asText()).isEqualTo(reason);
                    assertThat(event.at("/details/psc_means").asText()).isEqualTo("CPS");
                    if (idNat != null && event.at("/details/psc_idnat").isTextual()) {
                        assertThat(event.at("/details/psc_idnat").asText()).isEqualTo(idNat);
                    }
                });
    }

    private static void assertRefusedInFrench(CardBrowser.Outcome outcome, String reason, String french) {
        assertThat(outcome.redirected()).as("no code for the relying service").isFalse();
        assertThat(outcome.page()).contains("id=\"psc-card-error\"").contains("data-reason=\"" + reason + "\"")
                .contains("Connexion par carte CPS impossible").contains(french);
    }

    /** The next authorization request shows the login page again: the refused login left no SSO session. */
    private static void assertNoSession(CardBrowser browser, CardBrowser.Request request) throws Exception {
        CardBrowser.Outcome next = browser.open(CardBrowser.Request.of(request.clientId(), request.redirectUri()));
        assertThat(next.redirected()).as("no session").isFalse();
        assertThat(next.page()).contains("id=\"psc-login-form\"");
    }

    private static List<JsonNode> loginEvents(SandboxServer server, String type, String idNat) throws Exception {
        JsonNode events = server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM
                + "/events?type=" + type + "&max=200", server.adminToken());
        List<JsonNode> matching = new java.util.ArrayList<>();
        for (JsonNode event : events) {
            if (idNat == null || idNat.equals(event.at("/details/psc_idnat").asText())) {
                matching.add(event);
            }
        }
        return matching;
    }

    private static JsonNode exchange(SandboxServer server, String code, CardBrowser.Request request) throws Exception {
        HttpResponse<String> response = CardBrowser.exchange(server, code, request, SECRET);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static Path sandboxCard(SandboxServer server, String idNat) {
        Path card = server.dataDir().resolve("pki/cards/" + idNat.replace('/', '_') + ".p12");
        assertThat(card).as("the sandbox issued a card for every identity").exists();
        return card;
    }

    private static String serialOf(Path p12) throws Exception {
        java.security.KeyStore keystore = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = Files.newInputStream(p12)) {
            keystore.load(in, "1234".toCharArray());
        }
        java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate) keystore
                .getCertificate(keystore.aliases().nextElement());
        return certificate.getSerialNumber().toString(16);
    }

    static TestPki pki(SandboxServer server) {
        return TestPki.open(server.dataDir().resolve("pki"));
    }
}
