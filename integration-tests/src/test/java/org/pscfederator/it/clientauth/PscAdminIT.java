package org.pscfederator.it.clientauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.AdminTool;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.testpki.CardRequest;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Relying-service onboarding: {@code psc-admin client ...} run as a process against the real sandbox, and what it
 * wrote read back through Keycloak's admin API; every refusal leaves the realm as it was.
 */
@Tag("psc-onboarding")
@ExtendWith(SandboxServerExtension.class)
class PscAdminIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = SandboxServer.ADMIN_PASSWORD;

    @Test
    void registerShowRotateAndDisableARelyingService(SandboxServer server) throws Exception {
        TestPki pki = pki(server);
        IssuedCertificate first = pki.issueClient(ClientRequest.of("it-admin-rp").withOrganisation("CABINET IT",
                "R10001"));

        Launcher.Result registered = AdminTool.client(server, PASSWORD, "register", "--client-id", "it-admin-rp",
                "--redirect-uri", "https://rp.example/callback", "--redirect-uri", "https://rp.example/other",
                "--cert", first.certificatePem().toString());

        assertThat(registered.exitCode()).as(registered.stderr()).isZero();
        assertThat(registered.stdout()).contains("registered client it-admin-rp", "psc-org-mtls");
        JsonNode client = client(server, "it-admin-rp");
        assertThat(client.path("enabled").asBoolean()).isTrue();
        assertThat(client.path("publicClient").asBoolean(true)).isFalse();
        assertThat(client.path("clientAuthenticatorType").asText()).isEqualTo("psc-org-mtls");
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("implicitFlowEnabled").asBoolean(true)).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean(true)).isFalse();
        assertThat(texts(client.path("redirectUris"))).containsExactlyInAnyOrder("https://rp.example/callback",
                "https://rp.example/other");
        JsonNode attributes = client.path("attributes");
        assertThat(attributes.path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(attributes.path("tls.client.certificate.bound.access.tokens").asText()).isEqualTo("true");
        assertThat(JSON.readTree(attributes.path("psc.org.cert.bindings").asText())).isEqualTo(JSON.readTree(
                "[{\"x5t#S256\":\"" + thumbprint(first) + "\"}]"));
        assertThat(optionalScopes(server, client)).contains("scope_all");

        Launcher.Result shown = AdminTool.client(server, PASSWORD, "show", "--client-id", "it-admin-rp");
        assertThat(shown.exitCode()).as(shown.stderr()).isZero();
        assertThat(shown.stdout()).contains("it-admin-rp", "enabled:        yes", "https://rp.example/callback",
                "psc-org-mtls", "bound tokens:   on", thumbprint(first), "CN=it-admin-rp,OU=R10001,O=CABINET IT,C=FR",
                "TEST AC PSC SANDBOX ORGANISATIONS", first.serialHex(),
                first.certificate().getNotAfter().toInstant().toString());
        assertThat(shown.stdout() + shown.stderr()).doesNotContainIgnoringCase("secret");

        IssuedCertificate renewed = pki.issueClient(ClientRequest.of("it-admin-rp").withOrganisation("CABINET IT",
                "R10001"));
        Launcher.Result rotated = AdminTool.client(server, PASSWORD, "rotate-cert", "--client-id", "it-admin-rp",
                "--cert", renewed.certificatePem().toString());
        assertThat(rotated.exitCode()).as(rotated.stderr()).isZero();
        assertThat(rotated.stdout()).contains("now accepts 2 certificate bindings", "--drop-old");
        assertThat(bindings(server, "it-admin-rp")).containsExactly(thumbprint(first), thumbprint(renewed));

        Launcher.Result dropped = AdminTool.client(server, PASSWORD, "rotate-cert", "--client-id", "it-admin-rp",
                "--cert", renewed.certificatePem().toString(), "--drop-old");
        assertThat(dropped.exitCode()).as(dropped.stderr()).isZero();
        assertThat(bindings(server, "it-admin-rp")).containsExactly(thumbprint(renewed));

        Launcher.Result disabled = AdminTool.client(server, PASSWORD, "disable", "--client-id", "it-admin-rp");
        assertThat(disabled.exitCode()).as(disabled.stderr()).isZero();
        assertThat(disabled.stdout()).contains("disabled client it-admin-rp");
        assertThat(client(server, "it-admin-rp").path("enabled").asBoolean(true)).isFalse();
        assertThat(AdminTool.client(server, PASSWORD, "show", "--client-id", "it-admin-rp").stdout())
                .contains("NO (disabled)");
    }

    @Test
    void aSubjectBindingNamesTheCertificatesSubjectAndIssuer(SandboxServer server) throws Exception {
        IssuedCertificate certificate = pki(server).issueClient(ClientRequest.of("it-admin-subject"));

        Launcher.Result registered = AdminTool.client(server, PASSWORD, "register", "--client-id",
                "it-admin-subject", "--redirect-uri", "https://rp.example/cb", "--cert",
                certificate.certificatePem().toString(), "--bind", "subject");

        assertThat(registered.exitCode()).as(registered.stderr()).isZero();
        JsonNode binding = JSON.readTree(client(server, "it-admin-subject").path("attributes")
                .path("psc.org.cert.bindings").asText()).get(0);
        assertThat(binding.path("subject").asText()).isEqualTo("CN=it-admin-subject,O=it-admin-subject,C=FR");
        assertThat(binding.path("issuer").asText()).isEqualTo(
                "CN=TEST AC PSC SANDBOX ORGANISATIONS,OU=IGC-SANTE TEST,O=PSC SANDBOX,C=FR");
    }

    @Test
    void anUnknownClientIsRefusedByEveryCommand(SandboxServer server) throws Exception {
        IssuedCertificate certificate = pki(server).issueClient(ClientRequest.of("it-admin-nobody"));

        for (String[] command : new String[][] {{"show"}, {"disable"},
                {"rotate-cert", "--cert", certificate.certificatePem().toString()}}) {
            List<String> args = new ArrayList<>(List.of(command));
            args.add(1, "--client-id");
            args.add(2, "it-admin-nobody");
            Launcher.Result result = AdminTool.client(server, PASSWORD, args.toArray(String[]::new));
            assertThat(result.exitCode()).as(command[0]).isEqualTo(1);
            assertThat(result.stderr().strip()).as(command[0])
                    .isEqualTo("psc-admin: error: no client it-admin-nobody in realm esante-wallet");
        }
        assertThat(clients(server, "it-admin-nobody")).isEmpty();
    }

    @Test
    void anExistingClientIdIsRefusedAndLeftAsItWas(SandboxServer server) throws Exception {
        JsonNode before = client(server, "sandbox-rp");
        IssuedCertificate certificate = pki(server).issueClient(ClientRequest.of("sandbox-rp-other"));

        Launcher.Result result = AdminTool.client(server, PASSWORD, "register", "--client-id", "sandbox-rp",
                "--redirect-uri", "https://attacker.example/cb", "--cert", certificate.certificatePem().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("a client sandbox-rp already exists", "nothing was changed");
        assertThat(client(server, "sandbox-rp")).isEqualTo(before);
    }

    @Test
    void aCardCertificateIsNotAnOrgCertificate(SandboxServer server) throws Exception {
        IssuedCertificate card = pki(server).issueCard(CardRequest.of("899700427869"));

        Launcher.Result result = AdminTool.client(server, PASSWORD, "register", "--client-id", "it-admin-card",
                "--redirect-uri", "https://rp.example/cb", "--cert", card.certificatePem().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("psc-admin: error: the certificate CN=899700427869")
                .contains("is not an ORG AUTH_CLI certificate this realm accepts", "TEST AC PSC SANDBOX PERSONNES")
                .doesNotContain("Exception");
        assertThat(clients(server, "it-admin-card")).isEmpty();
    }

    @Test
    void anUnreadableCertificateFileIsABadCommandLine(SandboxServer server) throws Exception {
        Path notACertificate = Files.writeString(Launcher.workDir().resolve("not-a-certificate.pem"), "hello");

        Launcher.Result missing = AdminTool.client(server, PASSWORD, "register", "--client-id", "it-admin-file",
                "--redirect-uri", "https://rp.example/cb", "--cert", Launcher.workDir().resolve("absent.pem")
                        .toString());
        Launcher.Result garbage = AdminTool.client(server, PASSWORD, "register", "--client-id", "it-admin-file",
                "--redirect-uri", "https://rp.example/cb", "--cert", notACertificate.toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("--cert: cannot read");
        assertThat(garbage.exitCode()).isEqualTo(2);
        assertThat(garbage.stderr()).contains("is not a certificate in PEM");
        assertThat(clients(server, "it-admin-file")).isEmpty();
    }

    @Test
    void aWrongAdminPasswordChangesNothing(SandboxServer server) throws Exception {
        IssuedCertificate certificate = pki(server).issueClient(ClientRequest.of("it-admin-password"));

        Launcher.Result result = AdminTool.client(server, "not-the-password", "register", "--client-id",
                "it-admin-password", "--redirect-uri", "https://rp.example/cb", "--cert",
                certificate.certificatePem().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().strip()).isEqualTo("psc-admin: error: the server refused the admin login of admin "
                + "(realm master: invalid_grant): check PSC_ADMIN_PASSWORD");
        assertThat(result.stdout() + result.stderr()).doesNotContain("not-the-password");
        assertThat(clients(server, "it-admin-password")).isEmpty();
    }

    private static TestPki pki(SandboxServer server) {
        return TestPki.open(server.dataDir().resolve("pki"));
    }

    private static JsonNode clients(SandboxServer server, String clientId) throws Exception {
        return server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM + "/clients?search=false"
                + "&clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8), server.adminToken());
    }

    private static JsonNode client(SandboxServer server, String clientId) throws Exception {
        JsonNode list = clients(server, clientId);
        assertThat(list).as("client " + clientId).hasSize(1);
        return list.get(0);
    }

    private static List<String> optionalScopes(SandboxServer server, JsonNode client) throws Exception {
        return texts(server.getJson(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM + "/clients/"
                + client.path("id").asText() + "/optional-client-scopes", server.adminToken()), "name");
    }

    private static List<String> bindings(SandboxServer server, String clientId) throws Exception {
        return texts(JSON.readTree(client(server, clientId).path("attributes").path("psc.org.cert.bindings")
                .asText()), "x5t#S256");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }

    /** RFC 8705's x5t#S256, computed here from the certificate the test PKI issued. */
    private static String thumbprint(IssuedCertificate issued) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(issued.certificate().getEncoded()));
    }
}
