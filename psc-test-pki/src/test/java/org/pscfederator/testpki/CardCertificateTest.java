package org.pscfederator.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardCertificateTest {

    @TempDir
    static Path dir;
    static TestPki pki;

    @BeforeAll
    static void createPki() {
        pki = TestPki.createOrOpen(dir);
    }

    @Test
    void cardChainsToRootThroughPersonsCa() throws Exception {
        IssuedCertificate card = pki.issueCard(CardRequest.of("899700366240").withNames("KIT", "DOC0036624"));

        var result = Pkix.validate(pki, card.certificate(), CaRole.PERSONS, SandboxProfile.POLICY_PERSON_AUTHENTICATION);

        assertThat(result.getTrustAnchor().getTrustedCert()).isEqualTo(pki.caCertificate(CaRole.ROOT));
        assertThat(card.certificate().getIssuerX500Principal())
                .isEqualTo(pki.caCertificate(CaRole.PERSONS).getSubjectX500Principal());
        assertThat(result.getPolicyTree()).isNotNull();
    }

    @Test
    void cardIsRefusedWhereOrgAuthCliPolicyIsRequired() throws Exception {
        IssuedCertificate card = pki.issueCard(CardRequest.of("899700218896"));

        assertThatThrownBy(() -> Pkix.validate(pki, card.certificate(), CaRole.PERSONS,
                SandboxProfile.POLICY_ORG_AUTH_CLI))
                .isInstanceOfSatisfying(CertPathValidatorException.class,
                        e -> assertThat(e.getReason()).isEqualTo(PKIXReason.INVALID_POLICY));
    }

    @Test
    void revokedCardFailsPathValidationWithItsCrl() throws Exception {
        IssuedCertificate card = pki.issueCard(CardRequest.of("899700427869").withRevoked(true));

        assertThatThrownBy(() -> Pkix.validate(pki, card.certificate(), CaRole.PERSONS,
                SandboxProfile.POLICY_PERSON_AUTHENTICATION))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> assertThat(e.getReason())
                        .isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
        assertThat(pki.isRevoked(card.serial())).isTrue();
    }

    @Test
    void cardRevokedAfterIssueFailsValidationOnceTheCrlIsRewritten() throws Exception {
        IssuedCertificate card = pki.issueCard(CardRequest.of("899700000016"));
        Pkix.validate(pki, card.certificate(), CaRole.PERSONS, SandboxProfile.POLICY_PERSON_AUTHENTICATION);

        pki.revoke(card.serial());

        assertThatThrownBy(() -> Pkix.validate(pki, card.certificate(), CaRole.PERSONS,
                SandboxProfile.POLICY_PERSON_AUTHENTICATION))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> assertThat(e.getReason())
                        .isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
    }

    @Test
    void expiredCardIsOutsideValidity() throws Exception {
        X509Certificate card = pki.issueCard(CardRequest.of("899700000024").withValidity(Validity.EXPIRED))
                .certificate();

        assertThatThrownBy(card::checkValidity).isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> Pkix.validate(pki, card, CaRole.PERSONS, SandboxProfile.POLICY_PERSON_AUTHENTICATION))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> assertThat(e.getReason())
                        .isEqualTo(CertPathValidatorException.BasicReason.EXPIRED));
    }

    @Test
    void notYetValidCardIsOutsideValidity() throws Exception {
        X509Certificate card = pki.issueCard(CardRequest.of("899700000032").withValidity(Validity.NOT_YET_VALID))
                .certificate();

        assertThatThrownBy(card::checkValidity).isInstanceOf(CertificateNotYetValidException.class);
        assertThatThrownBy(() -> Pkix.validate(pki, card, CaRole.PERSONS, SandboxProfile.POLICY_PERSON_AUTHENTICATION))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> assertThat(e.getReason())
                        .isEqualTo(CertPathValidatorException.BasicReason.NOT_YET_VALID));
    }

    @Test
    void cardCarriesIdNatNamesDigitalSignatureAndClientAuth() throws Exception {
        X509Certificate card = pki.issueCard(CardRequest.of("899700366240").withNames("KIT", "DOC0036624"))
                .certificate();

        assertThat(PkiCommand.subject(card)).isEqualTo(
                "C=FR,O=PSC SANDBOX,OU=PROFESSIONNELS DE SANTE TEST,CN=899700366240,GIVENNAME=KIT,SURNAME=DOC0036624");
        assertThat(card.getCriticalExtensionOIDs()).contains("2.5.29.15", "2.5.29.19");
        assertThat(card.getKeyUsage()).containsExactly(true, false, false, false, false, false, false, false, false);
        assertThat(card.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(card.getBasicConstraints()).isEqualTo(-1);
        assertThat(card.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(((java.security.interfaces.RSAPublicKey) card.getPublicKey()).getModulus().bitLength())
                .isEqualTo(2048);
    }

    @Test
    void staffIdNatKeepsItsSlashInTheSubjectButNotInTheFileName() throws Exception {
        IssuedCertificate card = pki.issueCard(CardRequest.of("3500000001815646/CPAT00045"));

        assertThat(card.keystore()).isEqualTo(pki.pkiDir().resolve("cards/3500000001815646_CPAT00045.p12"));
        assertThat(card.certificatePem()).exists();
        assertThat(Pkix.pkcs12(card.keystore(), "1234").containsAlias("3500000001815646/CPAT00045")).isTrue();
        assertThat(PkiCommand.subject(card.certificate())).contains("CN=3500000001815646/CPAT00045");
        assertThat(Files.list(pki.pkiDir().resolve("cards")).map(p -> p.getFileName().toString()))
                .allMatch(name -> !name.contains("/"));
    }
}
