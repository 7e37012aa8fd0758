package org.pscfederator.it.establishments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.FreePort;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An establishment's provider that answers wrongly, played by the test's own OpenID provider on loopback HTTPS:
 * each bad answer is refused with a French page and an event, nothing is paired or linked, and the relying service
 * gets no code.
 */
@Tag("psc-establishment")
@ExtendWith(SandboxServerExtension.class)
class ProviderInputIT {

    // Keycloak's own page when the provider's answer fails its checks (signature, issuer, audience, subject).
    private static final String BROKER_ERROR = "lors de l&#39;authentification avec le fournisseur d&#39;identités";
    private static final String IDNAT = "899900001019";

    @Test
    void idTokenWithABadSignatureIsRefused(SandboxServer server) throws Exception {
        assertBrokerRefuses(server, TestOpenIdProvider.Fault.BAD_SIGNATURE);
    }

    @Test
    void idTokenFromAnotherIssuerIsRefused(SandboxServer server) throws Exception {
        assertBrokerRefuses(server, TestOpenIdProvider.Fault.WRONG_ISSUER);
    }

    @Test
    void idTokenForAnotherAudienceIsRefused(SandboxServer server) throws Exception {
        assertBrokerRefuses(server, TestOpenIdProvider.Fault.WRONG_AUDIENCE);
    }

    @Test
    void idTokenWithoutSubjectIsRefused(SandboxServer server) throws Exception {
        assertBrokerRefuses(server, TestOpenIdProvider.Fault.NO_SUBJECT);
    }

    @Test
    void entraLoginWithoutItsObjectIdIsRefused(SandboxServer server) throws Exception {
        try (TestEstablishment establishment = TestEstablishment.register(server,
                Map.of("pscSubjectClaims", "tid oid"))) {
            establishment.provider().nextLogin(new TestOpenIdProvider.Identity("entra-sub-" + System.nanoTime(),
                    List.of("pwd", "otp"), Map.of("tid", "a1b2c3d4-0000-4000-8000-000000000001")));
            assertPscRefuses(server, establishment, "subject_missing", "identifiant de votre compte");
        }
    }

    @Test
    void amrOfTheWrongTypeIsRefused(SandboxServer server) throws Exception {
        try (TestEstablishment establishment = TestEstablishment.register(server)) {
            establishment.logsIn("amr-string-" + System.nanoTime()).provider()
                    .misbehave(TestOpenIdProvider.Fault.AMR_NOT_AN_ARRAY);
            assertPscRefuses(server, establishment, "amr_invalid", "pas indiqué comment vous vous êtes authentifié");
        }
    }

    @Test
    void replayedStateIsRefused(SandboxServer server) throws Exception {
        try (TestEstablishment establishment = TestEstablishment.register(server)) {
            establishment.logsIn("replay-" + System.nanoTime());
            DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withCard(server,
                    HospitalLoginIT.card(server, IDNAT)));
            HospitalLoginIT.assertPairingPage(login.startWithHint(establishment.alias()));
            String callback = establishment.provider().authorizations().get(0).callback();
            long since = System.currentTimeMillis();

            // The same answer again, in another browser (an attacker's) and in the professional's own.
            DelegatedLogin attacker = new DelegatedLogin(server, CardBrowser.withoutCard(server));
            CardBrowser.Outcome replayedElsewhere = attacker.follow(attacker.browser().get(callback));
            CardBrowser.Outcome replayedHere = login.follow(login.browser().get(callback));

            for (CardBrowser.Outcome replayed : List.of(replayedElsewhere, replayedHere)) {
                assertThat(replayed.location() == null || !replayed.location().startsWith(DelegatedLogin.REDIRECT))
                        .as("no code for the relying service").isTrue();
                assertThat(replayed.page()).contains("lang=\"fr\"");
                assertThat(replayed.page()).doesNotContain("id=\"psc-login-form\"")
                        .as("not the pairing page again");
            }
            Refusals.assertNoToken(attacker);
            assertThat(brokerErrorsSince(server, since)).as("an event for the replay").isNotEmpty();
        }
    }

    @Test
    void unreachableProviderShowsAFrenchPageWithTheOtherMeans(SandboxServer server) throws Exception {
        try (TestEstablishment establishment = TestEstablishment.register(server)) {
            establishment.logsIn("unreachable-" + System.nanoTime());
            // The browser reaches the provider; PSC's back channel to its token endpoint finds nobody listening.
            establishment.admin().update(establishment.alias(), Map.of("tokenUrl", "https://localhost:"
                    + FreePort.find() + "/op/token"), null);
            DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withoutCard(server));
            long since = System.currentTimeMillis();

            CardBrowser.Outcome page = login.startWithHint(establishment.alias());

            assertThat(page.location() == null || !page.location().startsWith(DelegatedLogin.REDIRECT)).isTrue();
            assertThat(page.page()).contains("lang=\"fr\"");
            Refusals.assertOtherMeansOffered(login, page);
            Refusals.assertNoToken(login);
            assertThat(brokerErrorsSince(server, since)).isNotEmpty();
        }
    }

    @Test
    void providerRegisteredWithoutPscFlowsGetsNoEidas1Token(SandboxServer server) throws Exception {
        try (TestEstablishment establishment = TestEstablishment.register(server, Map.of(), "first broker login",
                null, null)) {
            String subject = "no-psc-flows-" + System.nanoTime();
            establishment.logsIn(subject);
            DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withCard(server,
                    HospitalLoginIT.card(server, IDNAT)));

            CardBrowser.Outcome page = login.startWithHint(establishment.alias());
            if (page.page() != null && page.page().contains("kc-idp-review-profile-form")) {
                // Keycloak's own first-login flow asks for a profile: given one, it would create a local user.
                page = login.follow(login.browser().submit(page, "kc-idp-review-profile-form", "username=" + subject
                        + "&email=" + subject + "%40test.invalid&firstName=Test&lastName=Test"));
            }

            if (page.redirected() && page.location().startsWith(DelegatedLogin.REDIRECT)
                    && page.redirectParameters().containsKey("code")) {
                JsonNode claims = login.idToken(login.tokens(page));
                assertThat(claims.path("acr").asText()).as("no eidas1 without PSC's checks").isNotEqualTo("eidas1");
                assertThat(claims.has("amr")).as("no amr without PSC's checks: " + claims).isFalse();
                assertThat(claims.has("psc_establishment")).isFalse();
            } else {
                assertThat(page.page()).contains("lang=\"fr\"");
            }
            assertThat(establishment.admin().pairing(IDNAT, establishment.alias())).isNull();
            establishment.admin().deleteUser(subject);
        }
    }

    /** PSC's own checks refuse the provider's answer: its French page and reason, an event, nothing paired. */
    private static void assertPscRefuses(SandboxServer server, TestEstablishment establishment, String reason,
            String french) throws Exception {
        DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withCard(server,
                HospitalLoginIT.card(server, IDNAT)));

        CardBrowser.Outcome refused = login.startWithHint(establishment.alias());

        Refusals.assertRefusedInFrench(refused, reason, french);
        Refusals.assertNoToken(login);
        assertThat(establishment.admin().eventsOf(establishment.alias(), Map.of("psc_reason", reason))).isNotEmpty();
        assertThat(establishment.admin().pairing(IDNAT, establishment.alias())).isNull();
    }

    private static void assertBrokerRefuses(SandboxServer server, TestOpenIdProvider.Fault fault) throws Exception {
        try (TestEstablishment establishment = TestEstablishment.register(server)) {
            establishment.logsIn("fault-" + fault + "-" + System.nanoTime()).provider().misbehave(fault);
            DelegatedLogin login = new DelegatedLogin(server, CardBrowser.withCard(server,
                    HospitalLoginIT.card(server, IDNAT)));
            long since = System.currentTimeMillis();

            CardBrowser.Outcome refused = login.startWithHint(establishment.alias());

            Refusals.assertBrokerErrorInFrench(refused);
            assertThat(refused.page()).contains(BROKER_ERROR);
            Refusals.assertNoToken(login);
            assertThat(establishment.provider().tokenRequests()).as("the provider was asked").hasSize(1);
            assertThat(brokerErrorsSince(server, since)).as("an identity-provider login error").isNotEmpty();
            assertThat(establishment.admin().pairing(IDNAT, establishment.alias())).isNull();
        }
    }

    /** Keycloak's IDENTITY_PROVIDER_LOGIN_ERROR events since this time (they do not name the provider). */
    static List<JsonNode> brokerErrorsSince(SandboxServer server, long sinceMillis) throws Exception {
        JsonNode events = server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM
                + "/events?type=IDENTITY_PROVIDER_LOGIN_ERROR&max=200", server.adminToken());
        List<JsonNode> recent = new java.util.ArrayList<>();
        for (JsonNode event : events) {
            if (event.path("time").asLong() >= sinceMillis - 1000) {
                recent.add(event);
            }
        }
        return recent;
    }
}
