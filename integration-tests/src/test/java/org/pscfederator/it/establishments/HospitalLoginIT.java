package org.pscfederator.it.establishments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.RelyingServiceChecks;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sandbox's demonstration hospital (realm {@code hopital-demo}, its staff logging in with a password and a TOTP
 * code) as PSC's establishment provider {@code hopital-demo}: the first delegated login pairs the hospital account
 * with the card or e-CPS, later ones need the hospital's login only; a professional of another structure, or a
 * login without the second factor, gets no PSC token.
 */
@Tag("psc-establishment")
@ExtendWith(SandboxServerExtension.class)
class HospitalLoginIT {

    static final String ALIAS = "hopital-demo";
    static final String NAME = "Centre hospitalier de démonstration";
    static final String PASSWORD = "Hopital-Demo-2026";
    static final String DELEGATED_AMR = "[\"fed\",\"pwd\",\"otp\"]";
    // docs/test-identities.md: hospital accounts, with the sandbox professionals they belong to.
    static final DelegatedLogin.HospitalUser SAGEFEMME = new DelegatedLogin.HospitalUser("sagefemme.test", PASSWORD,
            "ZNABBAIQ3UPLUY5WENIOVXBJN2VE5P65");
    static final String SAGEFEMME_IDNAT = "899900000219";
    static final DelegatedLogin.HospitalUser MULTI = new DelegatedLogin.HospitalUser("multi.test", PASSWORD,
            "DNH2JYLMXKOBMRX33LYOTXE4VWH4T7HI");
    static final String MULTI_IDNAT = "899900000516";
    static final DelegatedLogin.HospitalUser KINE = new DelegatedLogin.HospitalUser("kine.test", PASSWORD,
            "JQLMQ2TB4K7OA2KVZ63UY37YGDHOPDU2");
    static final String KINE_IDNAT = "899900000318";
    static final String PASSWORD_ONLY = "professeur.motdepasse";

    @Test
    void firstDelegatedLoginPairsWithTheCardAndGivesPscTokens(SandboxServer server) throws Exception {
        EstablishmentAdmin admin = fresh(server, SAGEFEMME_IDNAT);
        DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withCard(server, card(server, SAGEFEMME_IDNAT)));
        Instant before = Instant.now();

        long started = System.nanoTime();
        CardBrowser.Outcome pairing = login.hospitalLogin(login.startWithHint(ALIAS), SAGEFEMME);
        assertPairingPage(pairing);
        CardBrowser.Outcome back = login.pairWithCard(pairing);
        JsonNode tokens = login.tokens(back);
        Figures.record("first delegated login with card pairing", started, login);

        assertDelegatedTokens(server, login, tokens, SAGEFEMME_IDNAT);
        JsonNode recorded = admin.pairing(SAGEFEMME_IDNAT, ALIAS);
        assertThat(recorded).as("the pairing, in the admin list").isNotNull();
        assertThat(recorded.path("means").asText()).isEqualTo("card");
        assertThat(recorded.path("subject").asText()).isNotBlank();
        assertThat(Instant.parse(recorded.path("expiresAt").asText()))
                .isAfter(before.plus(Duration.ofDays(364))).isBefore(Instant.now().plus(Duration.ofDays(366)));
        assertThat(admin.eventsOf(ALIAS, Map.of("psc_pairing", "created", "psc_pairing_means", "card")))
                .as("a pairing event").isNotEmpty();
    }

    @Test
    void secondDelegatedLoginNeedsNoCard(SandboxServer server) throws Exception {
        EstablishmentAdmin admin = fresh(server, SAGEFEMME_IDNAT);
        DelegatedLogin first = new DelegatedLogin(server, CardBrowser.withCard(server, card(server, SAGEFEMME_IDNAT)));
        first.tokens(first.pairWithCard(first.hospitalLogin(first.startWithHint(ALIAS), SAGEFEMME)));
        admin.logout(SAGEFEMME_IDNAT);

        DelegatedLogin second = new DelegatedLogin(server, CardBrowser.withoutCard(server));
        long started = System.nanoTime();
        CardBrowser.Outcome back = second.hospitalLogin(second.startWithHint(ALIAS), SAGEFEMME);
        JsonNode tokens = second.tokens(back);
        Figures.record("delegated login through an existing pairing", started, second);

        assertDelegatedTokens(server, second, tokens, SAGEFEMME_IDNAT);
        assertThat(admin.eventsOf(ALIAS, Map.of("psc_pairing", "used"))).as("the pairing's use, an event")
                .isNotEmpty();
    }

    @Test
    void firstDelegatedLoginPairsWithTheEcpsApp(SandboxServer server) throws Exception {
        EstablishmentAdmin admin = fresh(server, MULTI_IDNAT);
        DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withoutCard(server));
        SimulatedDevice phone = EcpsFlow.sandboxDevice(server, MULTI_IDNAT);

        long started = System.nanoTime();
        CardBrowser.Outcome pairing = login.hospitalLogin(login.startWithHint(ALIAS), MULTI);
        assertPairingPage(pairing);
        JsonNode tokens = login.tokens(login.pairWithEcps(pairing, MULTI_IDNAT, phone));
        Figures.record("first delegated login with e-CPS pairing", started, login);

        assertDelegatedTokens(server, login, tokens, MULTI_IDNAT);
        assertThat(admin.pairing(MULTI_IDNAT, ALIAS).path("means").asText()).isEqualTo("ecps");
        assertThat(admin.eventsOf(ALIAS, Map.of("psc_pairing", "created", "psc_pairing_means", "ecps")))
                .isNotEmpty();

        admin.logout(MULTI_IDNAT);
        DelegatedLogin again = new DelegatedLogin(server, CardBrowser.withoutCard(server));
        assertDelegatedTokens(server, again, again.tokens(again.hospitalLogin(again.startWithHint(ALIAS), MULTI)),
                MULTI_IDNAT);
    }

    @Test
    void loginPageOffersTheHospitalOnItsEstablishmentTab(SandboxServer server) throws Exception {
        fresh(server, SAGEFEMME_IDNAT);
        DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withCard(server, card(server, SAGEFEMME_IDNAT)));

        CardBrowser.Outcome page = login.loginPage();
        assertThat(page.page()).contains("Identifiant de mon établissement").contains(NAME)
                .contains("Carte CPS").contains("Application e-CPS");
        CardBrowser.Outcome pairing = login.hospitalLogin(login.chooseEstablishment(page, ALIAS), SAGEFEMME);

        assertPairingPage(pairing);
        assertDelegatedTokens(server, login, login.tokens(login.pairWithCard(pairing)), SAGEFEMME_IDNAT);
    }

    @Test
    void professionalOutsideTheHospitalsStructuresIsRefused(SandboxServer server) throws Exception {
        EstablishmentAdmin admin = fresh(server, KINE_IDNAT);
        DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withCard(server, card(server, KINE_IDNAT)));

        CardBrowser.Outcome pairing = login.hospitalLogin(login.startWithHint(ALIAS), KINE);
        assertPairingPage(pairing);
        CardBrowser.Outcome refused = login.pairWithCard(pairing);

        Refusals.assertRefusedInFrench(refused, "not_in_structure", "ne vous rattache à aucune structure");
        Refusals.assertNoToken(login);
        assertThat(admin.pairings(KINE_IDNAT)).as("nothing recorded").isEmpty();
        assertThat(admin.links(KINE_IDNAT)).as("no link").isEmpty();
        assertThat(admin.eventsOf(ALIAS, Map.of("psc_reason", "not_in_structure"))).isNotEmpty();
    }

    @Test
    void passwordOnlyLoginGetsNoEidas1Token(SandboxServer server) throws Exception {
        DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withoutCard(server));

        CardBrowser.Outcome refused = login.hospitalPasswordOnly(login.startWithHint(ALIAS), PASSWORD_ONLY, PASSWORD);

        Refusals.assertRefusedInFrench(refused, "amr_not_met", "authentification assez forte");
        Refusals.assertNoToken(login);
        assertThat(admin(server).eventsOf(ALIAS, Map.of("psc_reason", "amr_not_met"))).isNotEmpty();
    }

    static void assertPairingPage(CardBrowser.Outcome page) {
        assertThat(page.status()).as(page.page()).isEqualTo(200);
        assertThat(page.page()).contains("Confirmez votre identité pour associer votre compte")
                .contains("Carte CPS").contains("Application e-CPS").contains("lang=\"fr\"");
    }

    static void assertDelegatedTokens(SandboxServer server, DelegatedLogin login, JsonNode tokens, String idNat)
            throws Exception {
        RelyingServiceChecks.loggedInAs(server, tokens, login.request(), idNat, DELEGATED_AMR);
        assertThat(login.idToken(tokens).path("psc_establishment").asText()).isEqualTo(ALIAS);
    }

    /** The professional's earlier pairing and sessions ended: other tests of the suite's sandbox may have left them. */
    static EstablishmentAdmin fresh(SandboxServer server, String idNat) throws Exception {
        server.importSandboxDirectories();
        EstablishmentAdmin admin = admin(server);
        admin.unpair(idNat, ALIAS);
        admin.logout(idNat);
        return admin;
    }

    static EstablishmentAdmin admin(SandboxServer server) {
        return new EstablishmentAdmin(server);
    }

    static Path card(SandboxServer server, String idNat) {
        return server.dataDir().resolve("pki/cards/" + idNat + ".p12");
    }
}
