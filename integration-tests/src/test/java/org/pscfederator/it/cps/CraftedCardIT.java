package org.pscfederator.it.cps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.testpki.IssuedCertificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Cards made to attack the verifier, issued by the sandbox's real persons CA: a CN holding line breaks and control
 * characters must not write a line of its own into the server log, and the CRL distribution point and AIA URLs a
 * card names (RFC 5280 §4.2.1.13, §4.2.2.1) are never fetched: the federator reads CRLs from its configuration only.
 */
@ExtendWith(SandboxServerExtension.class)
class CraftedCardIT {

    private static final String CLIENT = "sandbox-rp";
    private static final String REDIRECT = "https://localhost/sandbox-rp/callback";

    @Test
    void cnWithLineBreaksIsRefusedAndReachesTheLogEscaped(SandboxServer server) throws Exception {
        String marker = "forged-" + UUID.randomUUID();
        String forgedLine = "2026-12-01 09:00:00,000 INFO  [org.keycloak.events] (executor-thread-1) " + marker
                + " type=LOGIN, userId=admin";
        IssuedCertificate card = CardLoginIT.pki(server).issueCraftedCard("899700366240\n" + forgedLine
                + "\r\n\u001b[1A\u2028end", null);

        CardBrowser.Outcome outcome = CardBrowser.withCard(server, card.keystore())
                .loginWithCard(CardBrowser.Request.of(CLIENT, REDIRECT));

        assertThat(outcome.redirected()).as("no code for the relying service").isFalse();
        assertThat(outcome.page()).contains("id=\"psc-card-error\"");
        assertThat(loginErrors(server)).as("a login-error event for the card").anySatisfy(event ->
                assertThat(event.at("/details/psc_cert_serial").asText()).isEqualTo(card.certificate().getSerialNumber().toString(16)));
        String logged = server.logLineNaming(marker);
        assertThat(logged).as("the refusal's log line").contains("card login refused")
                .contains("899700366240\\n2026-12-01").contains("\\r\\n\\u001b[1A\\u2028end")
                .doesNotContain("\u001b").doesNotContain("\u2028");
        assertThat(Files.readAllLines(server.log(), StandardCharsets.UTF_8)).as("no forged line")
                .noneMatch(line -> line.startsWith(forgedLine.substring(0, 24)) && line.contains(marker));
    }

    @Test
    void crlAndAiaUrlsNamedByACardAreNeverFetched(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        List<String> fetched = new CopyOnWriteArrayList<>();
        HttpServer bait = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bait.createContext("/", exchange -> {
            fetched.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        bait.start();
        try {
            String url = "http://127.0.0.1:" + bait.getAddress().getPort();
            IssuedCertificate card = CardLoginIT.pki(server).issueCraftedCard("899700366240", url);
            assertThat(card.certificate().getExtensionValue("2.5.29.31")).as("CRL distribution points").isNotNull();
            assertThat(card.certificate().getExtensionValue("1.3.6.1.5.5.7.1.1")).as("AIA").isNotNull();

            CardBrowser.Outcome outcome = CardBrowser.withCard(server, card.keystore())
                    .loginWithCard(CardBrowser.Request.of(CLIENT, REDIRECT));

            assertThat(outcome.redirected()).as("the card is checked against the configured CRL: "
                    + outcome.page()).isTrue();
            Thread.sleep(1_000); // a fetch started in the background would have arrived by now
            assertThat(fetched).as("requests to the URLs the card names").isEmpty();
        } finally {
            bait.stop(0);
        }
    }

    private static List<JsonNode> loginErrors(SandboxServer server) throws Exception {
        List<JsonNode> events = new java.util.ArrayList<>();
        server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM + "/events?type=LOGIN_ERROR&max=200",
                server.adminToken()).forEach(events::add);
        return events;
    }
}
