package org.pscfederator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.realmconfig.RealmAssembler;
import org.pscfederator.realmconfig.RealmVariant;
import org.pscfederator.testpki.CertificateFile;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The sandbox relying service's ORG certificate (RFC 8705 tls_client_auth): issued once at first start, bound. */
@Tag("psc-sandbox")
@Tag("rfc8705")
class SandboxClientsTest {

    @TempDir
    Path pkiDir;

    @Test
    void firstStartIssuesSandboxRpCertificateAndLaterStartsKeepIt() throws Exception {
        SandboxPki.prepare(pkiDir, List.of(), "127.0.0.1");
        TestPki pki = TestPki.open(pkiDir);
        Path keystore = SandboxClients.keystore(pki);
        byte[] first = Files.readAllBytes(keystore);

        SandboxPki.prepare(pkiDir, List.of(), "127.0.0.1");

        assertThat(keystore).isEqualTo(pkiDir.resolve("clients/sandbox-rp.p12"));
        assertThat(Files.readAllBytes(keystore)).isEqualTo(first);
        assertThat(SandboxClients.issueMissing(pki)).isFalse();
    }

    @Test
    void sandboxRealmBindsSandboxRpBySubjectAndIssuerOfItsCertificate() throws Exception {
        SandboxPki sandboxPki = SandboxPki.prepare(pkiDir, List.of(), "127.0.0.1");
        X509Certificate certificate = CertificateFile.read(pkiDir.resolve("clients/sandbox-rp.crt.pem"));
        ObjectNode realm = new RealmAssembler().assemble(RealmVariant.SANDBOX, sandboxPki.trustMaterial());

        SandboxClients.bind(realm, sandboxPki.sandboxRpBindings());

        JsonNode sandboxRp = null;
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals("sandbox-rp")) {
                sandboxRp = client;
            }
        }
        assertThat(sandboxRp).isNotNull();
        assertThat(sandboxRp.get("clientAuthenticatorType").asText()).isEqualTo("psc-org-mtls");
        JsonNode bindings = new ObjectMapper().readTree(sandboxRp.at("/attributes/psc.org.cert.bindings").asText());
        assertThat(bindings).hasSize(1);
        assertThat(bindings.get(0).get("subject").asText())
                .isEqualTo(certificate.getSubjectX500Principal().getName());
        assertThat(bindings.get(0).get("issuer").asText()).isEqualTo(certificate.getIssuerX500Principal().getName());
        assertThat(realm.at("/attributes/pscClientTrustAnchors").asText()).contains("BEGIN CERTIFICATE");
    }

    @Test
    void realmWithoutSandboxRpIsAnError() {
        ObjectNode realm = new ObjectMapper().createObjectNode();
        realm.putArray("clients").addObject().put("clientId", "someone-else");

        assertThatThrownBy(() -> SandboxClients.bind(realm, "[]")).isInstanceOf(SandboxException.class)
                .hasMessageContaining("sandbox-rp");
    }
}
