package org.pscfederator.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.CLIENT;
import static org.pscfederator.it.ecps.EcpsFlow.PIN;
import static org.pscfederator.it.ecps.EcpsFlow.REDIRECT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.AdminTool;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.testpki.CardRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * "Who logged in with my identity?": {@code psc-admin audit} and {@code events export|verify} run as processes against
 * the real sandbox, after real card and e-CPS logins and refusals made by the test itself.
 */
@Tag("psc-audit")
@ExtendWith(SandboxServerExtension.class)
class AuditIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = SandboxServer.ADMIN_PASSWORD;
    private static final String ID_NAT = "899700366240";
    private static final String OTHER = "899700218896";

    /** What one audit line says, the columns a person checks. */
    private record Row(String type, String outcome, String means, String clientId, String reason, boolean claimed) {
        static Row of(JsonNode entry) {
            return new Row(entry.path("type").asText(), entry.path("outcome").asText(), entry.path("means").asText(),
                    entry.path("client_id").asText(null), entry.path("reason").asText(null),
                    entry.path("id_nat_claimed_only").asBoolean());
        }
    }

    @Test
    void auditListsExactlyTheLoginsAndRefusalsOfTheProfessional(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        Instant since = Instant.now();
        Path card = sandboxCard(server, ID_NAT);
        IssuedCertificate lookalike = pki(server).issueLookalikeCard(CardRequest.of(ID_NAT));

        CardBrowser.Outcome cardLogin = CardBrowser.withCard(server, card)
                .loginWithCard(CardBrowser.Request.of(CLIENT, REDIRECT));
        assertThat(cardLogin.redirected()).as(cardLogin.page()).isTrue();
        CardBrowser.Outcome refused = CardBrowser.withCard(server, lookalike.keystore())
                .loginWithCard(CardBrowser.Request.of(CLIENT, REDIRECT));
        assertThat(refused.page()).contains("data-reason=\"untrusted_issuer\"");
        SimulatedDevice phone = EcpsFlow.sandboxDevice(server, ID_NAT);
        CardBrowser ecpsBrowser = CardBrowser.withoutCard(server);
        EcpsFlow.Wait wait = EcpsFlow.startLogin(ecpsBrowser, CardBrowser.Request.of(CLIENT, REDIRECT), ID_NAT);
        assertThat(EcpsFlow.phone(server).answer(phone, PIN, EcpsFlow.pending(server, phone).requestId(),
                wait.code(), true).status()).isEqualTo(200);
        assertThat(EcpsFlow.check(ecpsBrowser, wait).redirected()).isTrue();
        // Another professional's login in the same span: not theirs to see.
        assertThat(CardBrowser.withCard(server, sandboxCard(server, OTHER))
                .loginWithCard(CardBrowser.Request.of(CLIENT, REDIRECT)).redirected()).isTrue();

        Launcher.Result audit = AdminTool.run(server, PASSWORD, "audit", "--idnat", ID_NAT, "--since",
                since.toString(), "--json");

        assertThat(audit.exitCode()).as(audit.stderr()).isZero();
        JsonNode document = JSON.readTree(audit.stdout());
        List<Row> rows = new ArrayList<>();
        document.path("entries").forEach(entry -> rows.add(Row.of(entry)));
        assertThat(rows).containsExactly(
                new Row("LOGIN", "success", "CPS", CLIENT, null, false),
                new Row("LOGIN_ERROR", "refused", "CPS", CLIENT, "untrusted_issuer", true),
                new Row("LOGIN", "success", "e-CPS", CLIENT, null, false));
        JsonNode entries = document.path("entries");
        assertThat(entries.get(0).path("card_serial").asText()).isEqualTo(serialOf(card));
        assertThat(entries.get(0).path("ip_address").asText()).isNotBlank();
        assertThat(entries.get(1).path("card_serial").asText())
                .isEqualTo(lookalike.certificate().getSerialNumber().toString(16));
        assertThat(entries.get(2).path("device_id").asText()).isEqualTo(phone.deviceId());
        assertThat(Instant.parse(entries.get(0).path("time").asText())).isAfterOrEqualTo(since.minusMillis(1));

        Launcher.Result text = AdminTool.run(server, PASSWORD, "audit", "--idnat", ID_NAT, "--since",
                since.toString());
        assertThat(text.exitCode()).as(text.stderr()).isZero();
        assertThat(text.stdout()).contains("2 login(s) and 1 refusal(s) of " + ID_NAT)
                .contains("card " + serialOf(card)).contains("device " + phone.deviceId())
                .contains("untrusted_issuer (a certificate naming this idNat, not trusted)").doesNotContain(OTHER);
    }

    @Test
    void anExportVerifiesAndAChangedRemovedOrSwappedLineIsNamed(SandboxServer server, @org.junit.jupiter.api.io.TempDir
            Path folder) throws Exception {
        server.importSandboxDirectories();
        Instant since = Instant.now();
        for (int i = 0; i < 2; i++) {
            assertThat(CardBrowser.withCard(server, sandboxCard(server, OTHER))
                    .loginWithCard(CardBrowser.Request.of(CLIENT, REDIRECT)).redirected()).isTrue();
        }
        Path export = folder.resolve("events.jsonl");

        Launcher.Result exported = AdminTool.run(server, PASSWORD, "events", "export", "--since", since.toString(),
                "--output", export.toString(), "--json");

        assertThat(exported.exitCode()).as(exported.stderr()).isZero();
        String lastHash = JSON.readTree(exported.stdout()).path("last_hash").asText();
        List<String> lines = Files.readAllLines(export);
        assertThat(lines.size()).as("header, the logins and code exchanges, end").isGreaterThanOrEqualTo(4);
        assertThat(lines).filteredOn(line -> line.contains("\"type\":\"LOGIN\"") && line.contains(OTHER)).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).path("kind").asText()).isEqualTo("export");
        assertThat(JSON.readTree(lines.get(lines.size() - 1)).path("hash").asText()).isEqualTo(lastHash);
        Launcher.Result whole = AdminTool.runAs(null, "events", "verify", export.toString(), "--last-hash", lastHash);
        assertThat(whole.exitCode()).as(whole.stderr()).isZero();
        assertThat(whole.stdout()).contains(lines.size() + " lines, the chain is whole");

        List<String> changed = new ArrayList<>(lines);
        changed.set(1, changed.get(1).replaceFirst("\"ipAddress\":\"[^\"]*\"", "\"ipAddress\":\"203.0.113.9\""));
        assertThat(changed.get(1)).isNotEqualTo(lines.get(1));
        assertBroken(folder, "changed", changed, "line 2 was altered");
        List<String> removed = new ArrayList<>(lines);
        removed.remove(2);
        assertBroken(folder, "removed", removed, "line 3 carries sequence number 4");
        List<String> swapped = new ArrayList<>(lines);
        Collections.swap(swapped, 1, 2);
        assertBroken(folder, "swapped", swapped, "line 2 carries sequence number 3");
        List<String> cut = new ArrayList<>(lines.subList(0, lines.size() - 1));
        assertBroken(folder, "cut", cut, "removed from the end");
    }

    private static void assertBroken(Path folder, String name, List<String> lines, String expected) throws Exception {
        Path file = Files.write(folder.resolve(name + ".jsonl"), lines);
        Launcher.Result verified = AdminTool.runAs(null, "events", "verify", file.toString());
        assertThat(verified.exitCode()).as(name + ": " + verified.stdout()).isEqualTo(1);
        assertThat(verified.stderr().strip()).startsWith("psc-admin: error: " + file).contains(expected);
        assertThat(verified.stderr().strip().lines()).hasSize(1);
    }

    static Path sandboxCard(SandboxServer server, String idNat) {
        return server.dataDir().resolve("pki/cards/" + idNat.replace('/', '_') + ".p12");
    }

    static TestPki pki(SandboxServer server) {
        return TestPki.open(server.dataDir().resolve("pki"));
    }

    static String serialOf(Path p12) throws Exception {
        java.security.KeyStore keystore = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = Files.newInputStream(p12)) {
            keystore.load(in, "1234".toCharArray());
        }
        return ((java.security.cert.X509Certificate) keystore.getCertificate(keystore.aliases().nextElement()))
                .getSerialNumber().toString(16);
    }
}
