package org.pscfederator.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiFilesTest {

    @TempDir
    Path dir;

    @Test
    void createWritesTheDocumentedLayout() {
        TestPki pki = TestPki.createOrOpen(dir);

        Path ca = dir.resolve("ca");
        for (String name : List.of("root-ca.pem", "persons-ca.pem", "org-ca.pem", "ca-bundle.pem", "truststore.p12",
                "root-ca.crl", "persons-ca.crl", "org-ca.crl", "private/root-ca.key", "private/persons-ca.key",
                "private/org-ca.key", "state.properties")) {
            assertThat(ca.resolve(name)).as(name).isRegularFile();
        }
        assertThat(pki.caBundle()).isEqualTo(ca.resolve("ca-bundle.pem"));
        assertThat(pki.trustStore()).isEqualTo(ca.resolve("truststore.p12"));
        assertThat(Pem.readCertificates(pki.caBundle())).containsExactly(pki.caCertificate(CaRole.ROOT),
                pki.caCertificate(CaRole.PERSONS), pki.caCertificate(CaRole.ORGANISATIONS));
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void caPrivateKeysAreOwnerOnly() throws Exception {
        TestPki.createOrOpen(dir);
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        for (CaRole role : CaRole.values()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve("ca/private/" + role.fileName() + ".key")))).isEqualTo("rw-------");
        }
    }

    @Test
    void intermediatesAreCasWithPathLengthZero() throws Exception {
        TestPki pki = TestPki.createOrOpen(dir);

        for (CaRole role : List.of(CaRole.PERSONS, CaRole.ORGANISATIONS)) {
            X509Certificate ca = pki.caCertificate(role);
            assertThat(ca.getBasicConstraints()).as(role.label()).isZero();
            assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
            ca.verify(pki.caCertificate(CaRole.ROOT).getPublicKey());
        }
        X509Certificate root = pki.caCertificate(CaRole.ROOT);
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
    }

    @Test
    void keystoresOpenWithSandboxPassword() throws Exception {
        TestPki pki = TestPki.createOrOpen(dir);
        IssuedCertificate card = pki.issueCard(CardRequest.of("899700366240"));
        IssuedCertificate client = pki.issueClient(ClientRequest.of("my-service"));
        IssuedCertificate server = pki.issueServer(List.of(), List.of());

        for (IssuedCertificate issued : List.of(card, client, server)) {
            KeyStore store = Pkix.pkcs12(issued.keystore(), "1234");
            String alias = Collections.list(store.aliases()).get(0);
            assertThat(store.getKey(alias, "1234".toCharArray())).isNotNull();
            assertThat(store.getCertificate(alias)).isEqualTo(issued.certificate());
            assertThat(store.getCertificateChain(alias)).hasSize(2);
            assertThat(Pem.readCertificates(issued.certificatePem()).get(0)).isEqualTo(issued.certificate());
        }
        assertThat(Pkix.pkcs12(card.keystore(), "1234").containsAlias("899700366240")).isTrue();
        assertThat(Pkix.pkcs12(client.keystore(), "1234").containsAlias("my-service")).isTrue();

        KeyStore trust = Pkix.pkcs12(pki.trustStore(), "1234");
        assertThat(Collections.list(trust.aliases())).containsExactlyInAnyOrder("root-ca", "persons-ca", "org-ca");
        for (String alias : Collections.list(trust.aliases())) {
            assertThat(trust.isCertificateEntry(alias)).as(alias).isTrue();
        }
    }

    @Test
    void secondOpenKeepsSameCas() {
        TestPki first = TestPki.createOrOpen(dir);
        TestPki second = TestPki.createOrOpen(dir);
        TestPki third = TestPki.open(dir);

        for (CaRole role : CaRole.values()) {
            assertThat(second.caCertificate(role)).isEqualTo(first.caCertificate(role));
            assertThat(third.caCertificate(role)).isEqualTo(first.caCertificate(role));
        }
    }

    @Test
    void revocationSurvivesReopen() throws Exception {
        TestPki first = TestPki.createOrOpen(dir);
        IssuedCertificate card = first.issueCard(CardRequest.of("899700366240"));
        first.revoke(card.serial());

        TestPki reopened = TestPki.open(dir);
        reopened.refreshCrls(Duration.ofDays(2));

        assertThat(reopened.isRevoked(card.serial())).isTrue();
        X509CRL crl = readCrl(reopened.crlFile(CaRole.PERSONS));
        assertThat(crl.isRevoked(card.certificate())).isTrue();
        assertThat(crl.getNextUpdate().toInstant()).isBetween(Instant.now().plus(Duration.ofDays(2)).minusSeconds(60),
                Instant.now().plus(Duration.ofDays(2)));
    }

    @Test
    void serialsAreUniquePositiveAndLongerThan64Bits() {
        TestPki pki = TestPki.createOrOpen(dir);
        Set<BigInteger> serials = new HashSet<>();
        for (CaRole role : CaRole.values()) {
            serials.add(pki.caCertificate(role).getSerialNumber());
        }
        for (int i = 0; i < 5; i++) {
            serials.add(pki.issueClient(ClientRequest.of("client-" + i)).serial());
        }
        assertThat(serials).hasSize(8).allMatch(s -> s.signum() > 0 && s.bitLength() > 64);
    }

    @Test
    void createOrOpenRenewsCrlsDueSoon() throws Exception {
        TestPki pki = TestPki.createOrOpen(dir);
        pki.refreshCrls(Duration.ofHours(1));

        TestPki.createOrOpen(dir);

        X509CRL crl = readCrl(pki.crlFile(CaRole.ROOT));
        assertThat(crl.getNextUpdate().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(6)));
    }

    @Test
    void crlNumbersIncreaseAndEachCrlIsSignedByItsCa() throws Exception {
        TestPki pki = TestPki.createOrOpen(dir);
        X509CRL before = readCrl(pki.crlFile(CaRole.ORGANISATIONS));
        pki.refreshCrls(Duration.ofDays(7));
        X509CRL after = readCrl(pki.crlFile(CaRole.ORGANISATIONS));

        after.verify(pki.caCertificate(CaRole.ORGANISATIONS).getPublicKey());
        assertThat(crlNumber(after)).isGreaterThan(crlNumber(before));
    }

    @Test
    void openFailsWithoutPki() {
        assertThatThrownBy(() -> TestPki.open(dir.resolve("nothing")))
                .isInstanceOfSatisfying(PkiException.class, e -> {
                    assertThat(e.getMessage()).startsWith("no test PKI at ");
                    assertThat(e.isBadInput()).isTrue();
                });
    }

    @Test
    void revokingUnknownSerialOrTheRootIsRefused() {
        TestPki pki = TestPki.createOrOpen(dir);

        assertThatThrownBy(() -> pki.revoke(BigInteger.valueOf(12345)))
                .isInstanceOf(PkiException.class).hasMessageContaining("not issued by this test PKI");
        assertThatThrownBy(() -> pki.revoke(pki.caCertificate(CaRole.ROOT).getSerialNumber()))
                .isInstanceOf(PkiException.class).hasMessageContaining("root CA");
    }

    @Test
    void revokingAnIssuingCaListsItOnTheRootCrl() throws Exception {
        TestPki pki = TestPki.createOrOpen(dir);
        X509Certificate personsCa = pki.caCertificate(CaRole.PERSONS);

        pki.revoke(personsCa.getSerialNumber());

        assertThat(readCrl(pki.crlFile(CaRole.ROOT)).isRevoked(personsCa)).isTrue();
    }

    private static X509CRL readCrl(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }

    private static BigInteger crlNumber(X509CRL crl) {
        return org.bouncycastle.asn1.x509.CRLNumber.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(crl.getExtensionValue("2.5.29.20")).getOctets())
                .getCRLNumber();
    }
}
