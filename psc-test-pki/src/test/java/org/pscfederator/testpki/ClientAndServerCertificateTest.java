package org.pscfederator.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientAndServerCertificateTest {

    @TempDir
    static Path dir;
    static TestPki pki;

    @BeforeAll
    static void createPki() {
        pki = TestPki.createOrOpen(dir);
    }

    @Test
    void clientCertificateCarriesAuthCliPolicyAndClientAuthEku() throws Exception {
        X509Certificate client = pki.issueClient(ClientRequest.of("my-service")
                .withOrganisation("CABINET M DOC0036624", "R95141")).certificate();

        Pkix.validate(pki, client, CaRole.ORGANISATIONS, SandboxProfile.POLICY_ORG_AUTH_CLI);
        assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(client.getKeyUsage()).startsWith(true, false, true); // digitalSignature, keyEncipherment
        assertThat(client.getIssuerX500Principal())
                .isEqualTo(pki.caCertificate(CaRole.ORGANISATIONS).getSubjectX500Principal());
        assertThat(PkiCommand.subject(client)).isEqualTo("C=FR,O=CABINET M DOC0036624,OU=R95141,CN=my-service");
    }

    @Test
    void clientOrganisationDefaultsToClientId() {
        X509Certificate client = pki.issueClient(ClientRequest.of("bench.client_1")).certificate();

        assertThat(PkiCommand.subject(client)).isEqualTo("C=FR,O=bench.client_1,CN=bench.client_1");
    }

    @Test
    void clientCertificateIsRefusedWhereCardPolicyIsRequired() {
        X509Certificate client = pki.issueClient(ClientRequest.of("other-service")).certificate();

        assertThatThrownBy(() -> Pkix.validate(pki, client, CaRole.ORGANISATIONS,
                SandboxProfile.POLICY_PERSON_AUTHENTICATION)).isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void revokedExpiredAndNotYetValidClientsFailValidation() {
        for (ClientRequest request : List.of(ClientRequest.of("revoked-service").withRevoked(true),
                ClientRequest.of("expired-service").withValidity(Validity.EXPIRED),
                ClientRequest.of("future-service").withValidity(Validity.NOT_YET_VALID))) {
            X509Certificate client = pki.issueClient(request).certificate();
            assertThatThrownBy(() -> Pkix.validate(pki, client, CaRole.ORGANISATIONS,
                    SandboxProfile.POLICY_ORG_AUTH_CLI)).as(request.clientId())
                    .isInstanceOf(CertPathValidatorException.class);
        }
    }

    @Test
    void serverCertificateHasLocalhostSans() throws Exception {
        X509Certificate server = pki.issueServer(List.of(), List.of()).certificate();

        assertThat(server.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        Pkix.validate(pki, server, CaRole.ORGANISATIONS, SandboxProfile.POLICY_ORG_TLS_SERVER);
    }

    @Test
    void serverPemFilesHoldChainAndMatchingKey() throws Exception {
        IssuedCertificate issued = pki.issueServer(List.of("localhost", "psc.example.test"), List.of("127.0.0.1"));
        Path serverDir = pki.pkiDir().resolve("server");

        List<X509Certificate> chain = Pem.readCertificates(serverDir.resolve("server.crt.pem"));
        PrivateKey key = Pem.readPrivateKey(serverDir.resolve("server.key.pem"));

        assertThat(chain).containsExactly(issued.certificate(), pki.caCertificate(CaRole.ORGANISATIONS));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        signer.initVerify(issued.certificate());
        signer.update(new byte[] {1, 2, 3});
        assertThat(signer.verify(signature)).isTrue();
        assertThat(issued.certificate().getSubjectAlternativeNames()).contains(List.of(2, "psc.example.test"));
        KeyStore p12 = Pkix.pkcs12(issued.keystore(), "1234");
        assertThat(p12.isKeyEntry("server")).isTrue();
    }

    @Test
    void serverRejectsNamesThatAreNotDnsNamesOrAddresses() {
        assertThatThrownBy(() -> pki.issueServer(List.of("bad name"), List.of()))
                .isInstanceOfSatisfying(PkiException.class, e -> assertThat(e.isBadInput()).isTrue());
        assertThatThrownBy(() -> pki.issueServer(List.of(), List.of("999.1.1.1")))
                .isInstanceOf(PkiException.class);
    }
}
