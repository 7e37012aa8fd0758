package org.pscfederator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.testpki.CaRole;
import org.pscfederator.testpki.CardRequest;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.TestPki;
import org.pscfederator.testpki.Validity;

import picocli.CommandLine.TypeConversionException;

class OrgCertificateTest {

    @TempDir
    Path folder;

    @Test
    void anOrgAuthCliCertificatePassesTheLocalChecks() throws Exception {
        TestPki pki = SandboxCertificates.pki(folder);
        IssuedCertificate issued = pki.issueClient(ClientRequest.of("my-service").withOrganisation("CABINET", "R1"));

        OrgCertificate certificate = OrgCertificate.read(issued.certificatePem());
        certificate.checkShape(Instant.now());

        assertThat(certificate.subject()).isEqualTo("CN=my-service,OU=R1,O=CABINET,C=FR");
        assertThat(certificate.issuer()).contains("CN=TEST AC PSC SANDBOX ORGANISATIONS");
        assertThat(certificate.serial()).isEqualTo(issued.serialHex());
    }

    @Test
    void theThumbprintIsTheBase64UrlSha256OfTheDerInThePemFile() throws Exception {
        IssuedCertificate issued = SandboxCertificates.pki(folder).issueClient(ClientRequest.of("svc"));
        // The DER straight from the PEM text, not through the certificate parser.
        String pem = Files.readString(issued.certificatePem());
        String body = pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----") + 27, pem.indexOf("-----END"))
                .replaceAll("\\s", "");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(body));

        String thumbprint = OrgCertificate.read(issued.certificatePem()).thumbprint();

        assertThat(thumbprint).hasSize(43).doesNotContain("=", "+", "/");
        assertThat(Base64.getUrlDecoder().decode(thumbprint)).isEqualTo(digest);
    }

    @Test
    void aCaCertificateIsRefused() throws Exception {
        TestPki pki = SandboxCertificates.pki(folder);

        OrgCertificate ca = OrgCertificate.read(pki.caCertificateFile(CaRole.ORGANISATIONS));

        assertThatThrownBy(() -> ca.checkShape(Instant.now())).isInstanceOf(AdminException.class)
                .hasMessageContaining("is a CA certificate");
    }

    @Test
    void aTlsServerCertificateIsRefusedForItsExtendedKeyUsage() throws Exception {
        TestPki pki = SandboxCertificates.pki(folder);
        IssuedCertificate server = pki.issueServer(List.of("localhost"), List.of());

        OrgCertificate certificate = OrgCertificate.read(server.keystore().resolveSibling("server.crt.pem"));

        assertThatThrownBy(() -> certificate.checkShape(Instant.now())).isInstanceOf(AdminException.class)
                .hasMessageContaining("no extended key usage clientAuth");
    }

    @Test
    void anExpiredOrNotYetValidCertificateIsRefused() throws Exception {
        TestPki pki = SandboxCertificates.pki(folder);
        OrgCertificate expired = OrgCertificate.read(pki.issueClient(ClientRequest.of("old")
                .withValidity(Validity.EXPIRED)).certificatePem());
        OrgCertificate future = OrgCertificate.read(pki.issueClient(ClientRequest.of("future")
                .withValidity(Validity.NOT_YET_VALID)).certificatePem());

        assertThatThrownBy(() -> expired.checkShape(Instant.now())).hasMessageContaining("expired on");
        assertThatThrownBy(() -> future.checkShape(Instant.now())).hasMessageContaining("valid only from");
    }

    @Test
    void aCardPassesTheShapeChecksSoTheRealmTrustMustCatchIt() throws Exception {
        // A card certificate is a client authentication certificate too: only the realm's trust tells them apart.
        TestPki pki = SandboxCertificates.pki(folder);
        OrgCertificate card = OrgCertificate.read(pki.issueCard(CardRequest.of("899700366240")).certificatePem());

        card.checkShape(Instant.now());

        assertThatThrownBy(() -> RealmClientTrust.of("esante-wallet", SandboxCertificates.realmAttributes(pki))
                .verify(card)).isInstanceOf(AdminException.class)
                .hasMessageContaining("is not an ORG AUTH_CLI certificate this realm accepts")
                .hasMessageContaining("TEST AC PSC SANDBOX PERSONNES");
    }

    @Test
    void anUnreadableOrNonCertificateFileIsABadCommandLine() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.pem"), "not a certificate");

        assertThatThrownBy(() -> OrgCertificate.read(folder.resolve("missing.pem")))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> OrgCertificate.read(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("not a certificate in PEM");
        assertThatThrownBy(() -> OrgCertificate.read(folder)).isInstanceOf(TypeConversionException.class);
    }
}
