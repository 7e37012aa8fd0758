package org.pscfederator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.core.bindings.CertificateBinding;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.node.ObjectNode;

class ClientReportTest {

    @TempDir
    Path folder;

    @Test
    void showsEverythingAnOperatorChecksAndNeverTheSecret() throws Exception {
        TestPki pki = SandboxCertificates.pki(folder);
        OrgCertificate first = OrgCertificate.read(pki.issueClient(ClientRequest.of("svc")).certificatePem());
        OrgCertificate renewed = OrgCertificate.read(pki.issueClient(ClientRequest.of("svc")).certificatePem());
        ObjectNode client = ClientRegistration.representation("svc", List.of(URI.create("https://rp.example/cb")), List.of(),
                ClientCertificates.of(first, CertificateBinding.Kind.THUMBPRINT)
                        .with(renewed, CertificateBinding.Kind.THUMBPRINT, false), ClientRegistration.Options.DEFAULT);
        client.put("secret", "generated-by-keycloak-never-shown");

        String report = ClientReport.render("esante-wallet", client);

        assertThat(report).contains("client:         svc (realm esante-wallet)", "enabled:        yes",
                "https://rp.example/cb", "psc-org-mtls", "bound tokens:   on", "S256 required",
                "2 (a renewal in progress)", first.thumbprint(), renewed.thumbprint(), first.serial(),
                renewed.serial(), first.subject(), first.issuer(), first.notAfter().toString(), "CIBA:           off",
                "logout tokens:  (none: no back-channel logout)");
        assertThat(report).doesNotContain("generated-by-keycloak-never-shown");
    }

    @Test
    void saysWhenNoCertificateIsAcceptedAndWhenTheClientIsDisabled() {
        ObjectNode client = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("clientId", "old").put("enabled", false).put("clientAuthenticatorType", "psc-org-mtls");
        client.putObject("attributes").put("psc.org.cert.bindings", "garbage");

        String report = ClientReport.render("esante-wallet", client);

        assertThat(report).contains("NO (disabled)", "UNREADABLE psc.org.cert.bindings", "bound tokens:   off");
    }
}
