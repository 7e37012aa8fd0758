package org.pscfederator.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.testpki.SandboxProfile;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The health check warns before a late CRL refuses anyone: a CRL past its next update but within the realm's grace
 * (pscCrlGraceHours, 6 h) puts the check and its CA's gauge in warning while cards still log in, logged once; past
 * the grace, cards of that CA are refused (fail closed) and the gauges say so. An unreadable CRL location warns too.
 */
@Tag("psc-operations")
@Tag("RFC5280-5.1.2.5")
@ExtendWith(SandboxServerExtension.class)
class CrlHealthIT {

    private static final Map<String, String> PERSONS = Map.of("use", "card", "ca", SandboxProfile.PERSONS_CA_NAME);
    private static final String CARD = "899700427869";

    @Test
    void aLateCrlWarnsBeforeRefusalsStartAndRefusesPastItsGrace(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        TestPki pki = TestPki.open(server.dataDir().resolve("pki"));
        Instant now = Instant.now();
        long warningsLogged = logLines(server, "CRL of " + SandboxProfile.PERSONS_CA_NAME + " (card): WARNING");
        try {
            pki.signCrls(now.minus(Duration.ofDays(8)), now.minus(Duration.ofHours(1)));

            Scrape late = MetricsIT.eventually(server, scrape -> Double.valueOf(1)
                    .equals(scrape.single("psc_crl_state", PERSONS)));
            assertThat(late.single("psc_crl_state", PERSONS)).as("warning").isEqualTo(1);
            assertThat(late.single("psc_health_state", Map.of("check", "crl"))).isEqualTo(1);
            assertThat(late.single("psc_crl_seconds_until_refusal", PERSONS))
                    .isBetween(4.5 * 3600, 5.0 * 3600);
            assertThat(late.single("psc_crl_next_update_timestamp_seconds", PERSONS))
                    .isEqualTo((double) now.minus(Duration.ofHours(1)).getEpochSecond());
            JsonNode report = health(server);
            assertThat(report.at("/checks/crl/state").asText()).isEqualTo("WARNING");
            assertThat(crlOf(report).path("state").asText()).isEqualTo("WARNING");
            Instant nextUpdate = now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            assertThat(Instant.parse(crlOf(report).path("refusalPoint").asText()))
                    .isEqualTo(nextUpdate.plus(Duration.ofHours(6)));
            assertThat(login(server).redirected()).as("refusals have not started: the card still logs in").isTrue();
            Thread.sleep(11_000); // two more rounds of the sandbox's check, every 5 s
            assertThat(logLines(server, "CRL of " + SandboxProfile.PERSONS_CA_NAME + " (card): WARNING"))
                    .as("logged once, not at every check").isEqualTo(warningsLogged + 1);

            Scrape before = Scrape.of(server);
            pki.signCrls(now.minus(Duration.ofDays(8)), now.minus(Duration.ofHours(7)));
            Scrape stale = MetricsIT.eventually(server, scrape -> Double.valueOf(2)
                    .equals(scrape.single("psc_crl_state", PERSONS)));
            assertThat(stale.single("psc_crl_state", PERSONS)).as("refusing").isEqualTo(2);
            assertThat(stale.single("psc_health_state", Map.of("check", "crl"))).isEqualTo(2);
            assertThat(stale.single("psc_crl_seconds_until_refusal", PERSONS)).isNegative();
            assertThat(health(server).at("/checks/crl/state").asText()).isEqualTo("FAILING");
            CardBrowser.Outcome refused = login(server);
            assertThat(refused.redirected()).isFalse();
            assertThat(refused.page()).contains("data-reason=\"revocation_unknown\"");
            Scrape after = MetricsIT.eventually(server, scrape -> MetricsIT.increase(before, scrape,
                    "psc_refusals_total", Map.of("means", "card", "reason", "revocation_unknown")) >= 1);
            assertThat(MetricsIT.increase(before, after, "psc_refusals_total",
                    Map.of("means", "card", "reason", "revocation_unknown"))).isEqualTo(1);
            assertThat(server.logLineNaming("CRL of " + SandboxProfile.PERSONS_CA_NAME + " (card): REFUSING"))
                    .contains("ERROR");
        } finally {
            pki.refreshCrls(Duration.ofDays(7));
        }
        Scrape fresh = MetricsIT.eventually(server, scrape -> Double.valueOf(0)
                .equals(scrape.single("psc_crl_state", PERSONS)));
        assertThat(fresh.single("psc_crl_state", PERSONS)).as("back to normal with a fresh CRL").isZero();
        assertThat(login(server).redirected()).isTrue();
    }

    @Test
    void anUnreadableCrlLocationWarnsWhileCardsStillLogIn(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String missing = server.dataDir().resolve("pki/ca/moved-away.crl").toString();
        String configured = server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM,
                server.adminToken()).at("/attributes/pscCardCrls").asText();
        Map<String, String> previous = EcpsFlow.realmAttributes(server,
                Map.of("pscCardCrls", configured + "," + missing));
        try {
            assertThat(login(server).redirected()).as("the CRLs read still count").isTrue();
            Scrape scrape = MetricsIT.eventually(server, s -> Double.valueOf(1)
                    .equals(s.single("psc_health_state", Map.of("check", "crl_source"))));
            assertThat(scrape.single("psc_health_state", Map.of("check", "crl_source"))).isEqualTo(1);
            assertThat(scrape.single("psc_crl_sources_unreadable", Map.of("use", "card"))).isEqualTo(1);
            assertThat(health(server).at("/checks/crl_source/problems/0").asText()).contains("moved-away.crl");
            assertThat(server.logLineNaming("PSC health check crl_source: WARNING")).contains("moved-away.crl");
        } finally {
            EcpsFlow.realmAttributes(server, previous);
        }
        Scrape restored = MetricsIT.eventually(server, s -> Double.valueOf(0)
                .equals(s.single("psc_health_state", Map.of("check", "crl_source"))));
        assertThat(restored.single("psc_health_state", Map.of("check", "crl_source"))).isZero();
    }

    @Test
    void theHealthReportIsForThePscRealmsAdministratorsOnly(SandboxServer server) throws Exception {
        assertThat(server.get(server.realmUrl() + "/psc-health", null).statusCode()).isEqualTo(401);
        assertThat(server.get(server.baseUrl() + "/realms/master/psc-health", server.adminToken()).statusCode())
                .isEqualTo(404);
    }

    private static CardBrowser.Outcome login(SandboxServer server) throws Exception {
        return CardBrowser.withCard(server, MetricsIT.sandboxCard(server, CARD))
                .loginWithCard(CardBrowser.Request.of(EcpsFlow.CLIENT, EcpsFlow.REDIRECT));
    }

    private static JsonNode health(SandboxServer server) throws Exception {
        return server.getJson(server.realmUrl() + "/psc-health", server.adminToken());
    }

    private static JsonNode crlOf(JsonNode report) {
        for (JsonNode crl : report.path("crls")) {
            if (crl.path("use").asText().equals("card") && crl.path("ca").asText()
                    .equals(SandboxProfile.PERSONS_CA_NAME)) {
                return crl;
            }
        }
        throw new AssertionError("no CRL of the persons CA in " + report);
    }

    private static long logLines(SandboxServer server, String text) throws Exception {
        return Files.readAllLines(server.log(), StandardCharsets.UTF_8).stream().filter(line -> line.contains(text))
                .count();
    }
}
