package org.pscfederator.it.establishments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.it.space.SpaceBrowser;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pairing's life at an establishment's provider (the test's own, under an alias of its own): removed by an
 * administrator, ended with the provider, ended when the professional leaves the directory; kept to its provider and
 * to one local account per idNat and one idNat per local account.
 */
@Tag("psc-establishment")
@ExtendWith(SandboxServerExtension.class)
class PairingLifecycleIT {

    private static final String IDNAT = "899900001019";
    private static final String OTHER_IDNAT = "899900000219";

    @Test
    void pairingRemovedByAnAdminAsksForTheCardAgain(SandboxServer server) throws Exception {
        try (TestEstablishment establishment = TestEstablishment.register(server)) {
            String subject = "admin-removed-" + System.nanoTime();
            pair(server, establishment, subject, IDNAT);

            assertThat(establishment.admin().unpair(IDNAT, establishment.alias())).isEqualTo(204);

            assertEnded(establishment, IDNAT, Map.of("psc_ended_by", "admin", "psc_reason", "pairing_removed"));
            assertThat(establishment.admin().unpair(IDNAT, establishment.alias())).as("nothing left to remove")
                    .isEqualTo(404);
            HospitalLoginIT.assertPairingPage(nextLogin(server, establishment, subject));
        }
    }

    @Test
    void pairingRemovedByTheProfessionalAsksForTheCardAgain(SandboxServer server) throws Exception {
        try (TestEstablishment establishment = TestEstablishment.register(server)) {
            String subject = "self-removed-" + System.nanoTime();
            pair(server, establishment, subject, IDNAT);
            SpaceBrowser professional = SpaceBrowser.withCard(server, IDNAT);
            CardBrowser.Outcome space = professional.loginWithCard();
            assertThat(space.page()).contains("Mes comptes d&#39;établissement associés")
                    .contains("data-provider=\"" + establishment.alias() + "\"").contains(TestEstablishment.NAME);

            CardBrowser.Outcome done = professional.post(space, "/pairings/remove", "provider="
                    + establishment.alias());

            assertThat(done.page()).contains("association est retirée")
                    .doesNotContain("data-provider=\"" + establishment.alias() + "\"");
            assertEnded(establishment, IDNAT, Map.of("psc_ended_by", "professional", "psc_reason",
                    "pairing_removed"));
            HospitalLoginIT.assertPairingPage(nextLogin(server, establishment, subject));
        }
    }

    @Test
    void disabledProviderEndsItsPairingsAndIsOfferedNoMore(SandboxServer server) throws Exception {
        try (TestEstablishment establishment = TestEstablishment.register(server)) {
            String subject = "disabled-" + System.nanoTime();
            pair(server, establishment, subject, IDNAT);

            assertThat(establishment.admin().endPairingsOf(establishment.alias())).isEqualTo(1);
            establishment.admin().update(establishment.alias(), Map.of(), false);

            assertThat(establishment.admin().pairing(IDNAT, establishment.alias())).isNull();
            assertThat(establishment.admin().eventsOf(establishment.alias(), Map.of("psc_pairings_ended", "1")))
                    .isNotEmpty();
            establishment.logsIn(subject);
            DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withoutCard(server));
            CardBrowser.Outcome page = login.startWithHint(establishment.alias());
            assertThat(page.location() == null || !page.location().startsWith(DelegatedLogin.REDIRECT)).isTrue();
            assertThat(page.page()).doesNotContain(establishment.alias());
            Refusals.assertNoToken(login);
        }
    }

    @Test
    void professionalWhoLeftTheDirectoryLosesTheirPairing(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String leaving = "899900001118";
        try (TestEstablishment establishment = TestEstablishment.register(server)) {
            String subject = "left-" + System.nanoTime();
            pair(server, establishment, subject, leaving);
            Path national = Launcher.repoRoot().resolve(
                    "realm-config/directory/PS_LibreAcces_Personne_activite_sandbox.txt");
            List<String> without = Files.readAllLines(national, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.contains("|" + leaving + "|")).toList();
            assertThat(server.importDirectory((String.join("\n", without) + "\n").getBytes(StandardCharsets.UTF_8),
                    null, server.adminToken()).statusCode()).isEqualTo(200);
            try {
                DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withoutCard(server));
                CardBrowser.Outcome page = login.startWithHint(establishment.logsIn(subject).alias());

                assertThat(page.location() == null || !page.location().startsWith(DelegatedLogin.REDIRECT))
                        .as("no code").isTrue();
                assertThat(page.page()).contains("lang=\"fr\"");
                Refusals.assertNoToken(login);
                assertThat(establishment.admin().pairing(leaving, establishment.alias())).isNull();
                assertThat(establishment.admin().eventsOf(establishment.alias(), Map.of("psc_pairing", "ended",
                        "psc_reason", "left_directory"))).isNotEmpty();
            } finally {
                server.importSandboxDirectories();
            }
        }
    }

    @Test
    void pairingsAreKeptToTheirProvider(SandboxServer server) throws Exception {
        try (TestEstablishment first = TestEstablishment.register(server);
                TestEstablishment second = TestEstablishment.register(server)) {
            String subject = "same-subject-" + System.nanoTime();
            pair(server, first, subject, IDNAT);

            HospitalLoginIT.assertPairingPage(nextLogin(server, second, subject));
            assertThat(second.admin().pairing(IDNAT, second.alias())).isNull();
            assertThat(first.admin().pairing(IDNAT, first.alias())).isNotNull();
        }
    }

    @Test
    void idNatPairedWithAnotherLocalAccountIsRefused(SandboxServer server) throws Exception {
        try (TestEstablishment establishment = TestEstablishment.register(server)) {
            String owner = "owner-" + System.nanoTime();
            pair(server, establishment, owner, IDNAT);
            String intruder = "intruder-" + System.nanoTime();
            DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withCard(server,
                    HospitalLoginIT.card(server, IDNAT)));

            CardBrowser.Outcome pairing = login.startWithHint(establishment.logsIn(intruder).alias());
            HospitalLoginIT.assertPairingPage(pairing);
            CardBrowser.Outcome refused = login.pairWithCard(pairing);

            Refusals.assertRefusedInFrench(refused, "already_paired", "déjà associée à un autre compte");
            Refusals.assertNoToken(login);
            assertThat(establishment.admin().pairing(IDNAT, establishment.alias()).path("subject").asText())
                    .isEqualTo(owner);
            assertThat(establishment.admin().eventsOf(establishment.alias(), Map.of("psc_reason", "already_paired")))
                    .isNotEmpty();
        }
    }

    @Test
    void localAccountPairedOnceCannotPairASecondIdNat(SandboxServer server) throws Exception {
        try (TestEstablishment establishment = TestEstablishment.register(server)) {
            String subject = "one-idnat-" + System.nanoTime();
            pair(server, establishment, subject, IDNAT);
            // Keycloak's link removed behind PSC's back (Keycloak's admin API): the pairing still holds the subject.
            String userId = userId(server, IDNAT);
            assertThat(establishment.admin().send("DELETE", server.baseUrl() + "/admin/realms/" + SandboxServer.REALM
                    + "/users/" + userId + "/federated-identity/" + establishment.alias(), null).statusCode())
                    .isEqualTo(204);
            DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withCard(server,
                    HospitalLoginIT.card(server, OTHER_IDNAT)));

            CardBrowser.Outcome page = login.startWithHint(establishment.logsIn(subject).alias());
            CardBrowser.Outcome outcome = page.page() != null && page.page().contains("id=\"psc-login-form\"")
                    ? login.pairWithCard(page) : page;

            assertThat(outcome.location() == null || !outcome.location().startsWith(DelegatedLogin.REDIRECT))
                    .as("no code for a second idNat").isTrue();
            assertThat(outcome.page()).contains("lang=\"fr\"");
            Refusals.assertNoToken(login);
            assertThat(establishment.admin().pairing(OTHER_IDNAT, establishment.alias())).isNull();
        }
    }

    /** The first delegated login at this provider: its login, then the card of idNat on the pairing page. */
    static JsonNode pair(SandboxServer server, TestEstablishment establishment, String subject, String idNat)
            throws Exception {
        server.importSandboxDirectories();
        establishment.admin().logout(idNat);
        DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withCard(server,
                HospitalLoginIT.card(server, idNat)));
        CardBrowser.Outcome pairing = login.startWithHint(establishment.logsIn(subject).alias());
        HospitalLoginIT.assertPairingPage(pairing);
        JsonNode tokens = login.tokens(login.pairWithCard(pairing));
        assertThat(login.idToken(tokens).path("SubjectNameID").asText()).isEqualTo(idNat);
        JsonNode recorded = establishment.admin().pairing(idNat, establishment.alias());
        assertThat(recorded).as("paired").isNotNull();
        assertThat(recorded.path("subject").asText()).isEqualTo(subject);
        establishment.admin().logout(idNat);
        return tokens;
    }

    /** The next delegated login of this local account, in a browser without a card. */
    static CardBrowser.Outcome nextLogin(SandboxServer server, TestEstablishment establishment, String subject)
            throws Exception {
        DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withoutCard(server));
        return login.startWithHint(establishment.logsIn(subject).alias());
    }

    /** The pairing and Keycloak's link are gone, and an event says the pairing ended, with these details. */
    static void assertEnded(TestEstablishment establishment, String idNat, Map<String, String> details)
            throws Exception {
        assertThat(establishment.admin().pairing(idNat, establishment.alias())).as("the pairing ended").isNull();
        assertThat(linkTo(establishment, idNat)).as("and Keycloak's link with it").isNull();
        Map<String, String> all = new java.util.LinkedHashMap<>(details);
        all.put("psc_pairing", "ended");
        all.put("psc_idnat", idNat);
        assertThat(establishment.admin().eventsOf(establishment.alias(), all)).as("an event " + all).isNotEmpty();
    }

    static JsonNode linkTo(TestEstablishment establishment, String idNat) throws Exception {
        for (JsonNode link : establishment.admin().links(idNat)) {
            if (establishment.alias().equals(link.path("identityProvider").asText())) {
                return link;
            }
        }
        return null;
    }

    static String userId(SandboxServer server, String idNat) throws Exception {
        return server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM
                + "/users?exact=true&username=" + idNat, server.adminToken()).get(0).path("id").asText();
    }
}
