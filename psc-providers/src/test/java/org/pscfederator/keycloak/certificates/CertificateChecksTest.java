package org.pscfederator.keycloak.certificates;

import org.pscfederator.core.certificates.TrustPolicy;

import org.pscfederator.core.certificates.ConfiguredCrls;

import org.pscfederator.core.certificates.CertificateRejectedException;

import org.pscfederator.core.certificates.CertificateRejection;

import org.pscfederator.core.certificates.CertificateChecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.testpki.CaRole;
import org.pscfederator.testpki.CardRequest;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.SandboxProfile;
import org.pscfederator.testpki.TestPki;
import org.pscfederator.testpki.Validity;

/** The card trust policy of the sandbox, applied to what the test PKI issues, good and bad. */
class CertificateChecksTest {

    @TempDir
    static Path folder;
    private static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.createOrOpen(folder.resolve("pki"));
    }

    @Test
    void validCardIsAcceptedWithItsPath() throws Exception {
        IssuedCertificate card = pki.issueCard(CardRequest.of("899700366240"));

        List<X509Certificate> path = checks(Clock.systemUTC()).verify(chain(card));

        assertThat(path.get(0)).isEqualTo(card.certificate());
        assertThat(path.get(1)).isEqualTo(pki.caCertificate(CaRole.PERSONS));
    }

    @Test
    void expiredCardIsRefused() {
        IssuedCertificate card = pki.issueCard(CardRequest.of("899700218896").withValidity(Validity.EXPIRED));

        assertRejected(card, CertificateRejection.EXPIRED);
    }

    @Test
    void cardNotYetValidIsRefused() {
        IssuedCertificate card = pki.issueCard(CardRequest.of("899700427869").withValidity(Validity.NOT_YET_VALID));

        assertRejected(card, CertificateRejection.NOT_YET_VALID);
    }

    @Test
    void revokedCardIsRefused() {
        IssuedCertificate card = pki.issueCard(CardRequest.of("899900000110").withRevoked(true));

        assertRejected(card, CertificateRejection.REVOKED);
    }

    @Test
    void lookalikeWithTheSameNamesIsRefused() {
        IssuedCertificate lookalike = pki.issueLookalikeCard(CardRequest.of("899700366240"));
        assertThat(lookalike.certificate().getIssuerX500Principal())
                .isEqualTo(pki.caCertificate(CaRole.PERSONS).getSubjectX500Principal());

        assertRejected(lookalike, CertificateRejection.UNTRUSTED);
    }

    @Test
    void orgCertificatePresentedAsACardIsRefused() {
        IssuedCertificate org = pki.issueClient(ClientRequest.of("some-relying-service"));

        assertRejected(org, CertificateRejection.UNTRUSTED);
    }

    @Test
    void cardWithoutTheRequiredPolicyIsRefused() {
        IssuedCertificate card = pki.issueCardWithoutPolicy(CardRequest.of("899900000219"));

        assertRejected(card, CertificateRejection.POLICY_MISSING);
    }

    @Test
    void noCertificateIsRefused() {
        assertThatThrownBy(() -> checks(Clock.systemUTC()).verify(new X509Certificate[0]))
                .isInstanceOfSatisfying(CertificateRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(CertificateRejection.NO_CERTIFICATE));
    }

    @Test
    void staleCrlIsToleratedWithinTheGraceAndRefusedPastIt() throws Exception {
        IssuedCertificate card = pki.issueCard(CardRequest.of("899900000318"));
        Instant nextUpdate = crlNextUpdate();

        Clock withinGrace = Clock.fixed(nextUpdate.plus(Duration.ofHours(5)), ZoneOffset.UTC);
        Clock pastGrace = Clock.fixed(nextUpdate.plus(Duration.ofHours(7)), ZoneOffset.UTC);

        assertThat(checks(withinGrace).verify(chain(card))).hasSize(2);
        assertThatThrownBy(() -> checks(pastGrace).verify(chain(card)))
                .isInstanceOfSatisfying(CertificateRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(CertificateRejection.REVOCATION_UNKNOWN));
    }

    @Test
    void missingCrlFailsClosed() {
        IssuedCertificate card = pki.issueCard(CardRequest.of("899900000417"));
        CertificateChecks checks = new CertificateChecks(policy(), new ConfiguredCrls(
                List.of(folder.resolve("nowhere.crl").toString()), Duration.ofHours(6), Clock.systemUTC()),
                Clock.systemUTC());

        assertThatThrownBy(() -> checks.verify(chain(card))).isInstanceOfSatisfying(
                CertificateRejectedException.class,
                e -> assertThat(e.rejection()).isEqualTo(CertificateRejection.REVOCATION_UNKNOWN));
    }

    @Test
    void crlSignedByAnotherKeyIsIgnored() throws Exception {
        IssuedCertificate card = pki.issueCard(CardRequest.of("899900000516"));
        TestPki other = TestPki.createOrOpen(folder.resolve("other-pki"));
        CertificateChecks checks = new CertificateChecks(policy(), new ConfiguredCrls(
                List.of(other.crlFile(CaRole.PERSONS).toString(), other.crlFile(CaRole.ROOT).toString()),
                Duration.ofHours(6), Clock.systemUTC()), Clock.systemUTC());

        assertThatThrownBy(() -> checks.verify(chain(card))).isInstanceOfSatisfying(
                CertificateRejectedException.class,
                e -> assertThat(e.rejection()).isEqualTo(CertificateRejection.REVOCATION_UNKNOWN));
    }

    @Test
    void trustBundleWithoutAnIssuingCaIsAConfigurationError() throws Exception {
        String rootOnly = Files.readString(pki.caCertificateFile(CaRole.ROOT));

        assertThatThrownBy(() -> TrustPolicy.fromPem(rootOnly, SandboxProfile.POLICY_PERSON_AUTHENTICATION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("issuing CA");
    }

    @Test
    void relyingServicePolicyAcceptsAnOrgAuthClientCertificate() throws Exception {
        IssuedCertificate client = pki.issueClient(ClientRequest.of("rp-good"));

        List<X509Certificate> path = clientChecks().verify(chain(client));

        assertThat(path.get(1)).isEqualTo(pki.caCertificate(CaRole.ORGANISATIONS));
    }

    @Test
    void relyingServicePolicyRequiresTheClientAuthExtendedKeyUsage() throws Exception {
        // The TLS server certificate of the same CA lists serverAuth only.
        IssuedCertificate server = pki.issueServer(List.of("rp.example"), List.of());

        assertThatThrownBy(() -> clientChecks().verify(chain(server))).isInstanceOfSatisfying(
                CertificateRejectedException.class,
                e -> assertThat(e.rejection()).isEqualTo(CertificateRejection.WRONG_KEY_USAGE));
    }

    @Test
    void relyingServicePolicyRefusesAnOrgCertificateWithoutTheAuthClientPolicy() throws Exception {
        IssuedCertificate client = pki.issueClientWithoutPolicy(ClientRequest.of("rp-nopolicy"));

        assertThatThrownBy(() -> clientChecks().verify(chain(client))).isInstanceOfSatisfying(
                CertificateRejectedException.class,
                e -> assertThat(e.rejection()).isEqualTo(CertificateRejection.POLICY_MISSING));
    }

    @Test
    void relyingServicePolicyRefusesACard() throws Exception {
        IssuedCertificate card = pki.issueCard(CardRequest.of("899700218896"));

        assertThatThrownBy(() -> clientChecks().verify(chain(card))).isInstanceOfSatisfying(
                CertificateRejectedException.class,
                e -> assertThat(e.rejection()).isEqualTo(CertificateRejection.UNTRUSTED));
    }

    private static CertificateChecks clientChecks() throws Exception {
        TrustPolicy policy = TrustPolicy.fromPem(Files.readString(pki.caCertificateFile(CaRole.ORGANISATIONS))
                + Files.readString(pki.caCertificateFile(CaRole.ROOT)), SandboxProfile.POLICY_ORG_AUTH_CLI)
                .requiringClientAuth();
        return new CertificateChecks(policy, new ConfiguredCrls(List.of(pki.crlFile(CaRole.ORGANISATIONS).toString(),
                pki.crlFile(CaRole.ROOT).toString()), Duration.ofHours(6), Clock.systemUTC()), Clock.systemUTC());
    }

    private static void assertRejected(IssuedCertificate certificate, CertificateRejection expected) {
        assertThatThrownBy(() -> checks(Clock.systemUTC()).verify(chain(certificate)))
                .isInstanceOfSatisfying(CertificateRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(expected));
    }

    static CertificateChecks checks(Clock clock) {
        return new CertificateChecks(policy(), new ConfiguredCrls(List.of(
                pki.crlFile(CaRole.PERSONS).toString(), pki.crlFile(CaRole.ROOT).toString()),
                Duration.ofHours(6), clock), clock);
    }

    static TrustPolicy policy() {
        try {
            return TrustPolicy.fromPem(Files.readString(pki.caCertificateFile(CaRole.PERSONS))
                    + Files.readString(pki.caCertificateFile(CaRole.ROOT)), SandboxProfile.POLICY_PERSON_AUTHENTICATION);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant crlNextUpdate() throws Exception {
        try (InputStream in = Files.newInputStream(pki.crlFile(CaRole.PERSONS))) {
            return ((java.security.cert.X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCRL(in)).getNextUpdate().toInstant();
        }
    }

    /** What a client presents: the chain of its keystore, as TLS would send it. */
    private static X509Certificate[] chain(IssuedCertificate issued) throws Exception {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(issued.keystore())) {
            keystore.load(in, SandboxProfile.PASSWORD.toCharArray());
        }
        String alias = keystore.aliases().nextElement();
        Certificate[] chain = keystore.getCertificateChain(alias);
        X509Certificate[] x509 = new X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            x509[i] = (X509Certificate) chain[i];
        }
        return x509;
    }
}
