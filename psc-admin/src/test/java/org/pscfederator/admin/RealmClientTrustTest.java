package org.pscfederator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pscfederator.testpki.CardRequest;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

@Tag("psc-onboarding")
class RealmClientTrustTest {

    @TempDir
    Path folder;

    @Test
    void anOrgCertificateOfTheTrustedCaPassesEveryCheck() throws Exception {
        TestPki pki = SandboxCertificates.pki(folder);
        OrgCertificate certificate = OrgCertificate.read(pki.issueClient(ClientRequest.of("svc")).certificatePem());

        String warning = RealmClientTrust.of("esante-wallet", SandboxCertificates.realmAttributes(pki))
                .verify(certificate);

        assertThat(warning).isNull();
    }

    @Test
    void aRevokedCertificateIsRefused() throws Exception {
        TestPki pki = SandboxCertificates.pki(folder);
        OrgCertificate certificate = OrgCertificate.read(pki.issueClient(ClientRequest.of("svc").withRevoked(true))
                .certificatePem());

        assertThatThrownBy(() -> RealmClientTrust.of("esante-wallet", SandboxCertificates.realmAttributes(pki))
                .verify(certificate)).isInstanceOf(AdminException.class).hasMessageContaining("revoked");
    }

    @Test
    void aCardWithoutThePolicyOrALookalikeIsRefused() throws Exception {
        TestPki pki = SandboxCertificates.pki(folder);
        RealmClientTrust trust = RealmClientTrust.of("esante-wallet", SandboxCertificates.realmAttributes(pki));
        OrgCertificate lookalike = OrgCertificate.read(pki.issueLookalikeCard(CardRequest.of("899700218896"))
                .certificatePem());

        assertThatThrownBy(() -> trust.verify(lookalike)).isInstanceOf(AdminException.class)
                .hasMessageContaining("is not the organisations' CA");
    }

    @Test
    void aCertificateWithoutTheAuthCliPolicyIsRefused() throws Exception {
        TestPki pki = SandboxCertificates.pki(folder);
        ObjectNode attributes = SandboxCertificates.realmAttributes(pki);
        attributes.put(RealmClientTrust.POLICY, "2.999.71.1.2.9");
        OrgCertificate certificate = OrgCertificate.read(pki.issueClient(ClientRequest.of("svc")).certificatePem());

        assertThatThrownBy(() -> RealmClientTrust.of("esante-wallet", attributes).verify(certificate))
                .hasMessageContaining("lacks the AUTH_CLI certificate policy 2.999.71.1.2.9");
    }

    @Test
    void revocationThatCannotBeCheckedFromHereIsAWarningNotARefusal() throws Exception {
        TestPki pki = SandboxCertificates.pki(folder);
        ObjectNode attributes = SandboxCertificates.realmAttributes(pki);
        attributes.put(RealmClientTrust.CRLS, "/nonexistent/on/this/machine/org-ca.crl");
        OrgCertificate certificate = OrgCertificate.read(pki.issueClient(ClientRequest.of("svc")).certificatePem());

        String warning = RealmClientTrust.of("esante-wallet", attributes).verify(certificate);

        assertThat(warning).contains("could not be checked from here").contains("the server checks it");
    }

    @Test
    void aRealmWithoutRelyingServiceTrustRegistersNothing() {
        assertThatThrownBy(() -> RealmClientTrust.of("esante-wallet", JsonNodeFactory.instance.objectNode()))
                .isInstanceOf(AdminException.class).hasMessageContaining("has no trust for relying services");
        ObjectNode placeholder = JsonNodeFactory.instance.objectNode();
        placeholder.put(RealmClientTrust.ANCHORS, "{{psc:clientTrustAnchors}}");
        placeholder.put(RealmClientTrust.POLICY, "{{psc:clientPolicyOid}}");
        assertThatThrownBy(() -> RealmClientTrust.of("esante-wallet", placeholder))
                .isInstanceOf(AdminException.class).hasMessageContaining("is unusable");
    }

    // psc-admin read the realm's trust with a copy of the server's rules; the three tests below are where the copy
    // differed. It now reads it with the server's RealmSettings and RealmTrust, so it refuses what the server refuses.

    @Test
    @Tag("rfc8705")
    void aCertificateListingNoClientAuthUsageIsRefusedAsTheServerRefusesIt() throws Exception {
        TestPki pki = SandboxCertificates.pki(folder);
        OrgCertificate certificate = OrgCertificate.read(pki.issueClientWithoutExtendedKeyUsage(
                ClientRequest.of("svc")).certificatePem());

        assertThatThrownBy(() -> RealmClientTrust.of("esante-wallet", SandboxCertificates.realmAttributes(pki))
                .verify(certificate)).isInstanceOf(AdminException.class)
                .hasMessageContaining("its key usage is not client authentication");
    }

    @Test
    void aRealmWithoutRelyingServiceCrlsRegistersNothingAsTheServerLetsNoneIn() throws Exception {
        TestPki pki = SandboxCertificates.pki(folder);
        ObjectNode attributes = SandboxCertificates.realmAttributes(pki);
        attributes.put(RealmClientTrust.CRLS, "");

        assertThatThrownBy(() -> RealmClientTrust.of("esante-wallet", attributes))
                .isInstanceOf(AdminException.class).hasMessageContaining("is unusable")
                .hasMessageContaining(RealmClientTrust.CRLS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "six", "721"})
    void aCrlGraceTheServerRefusesIsRefusedNotReadAsAnother(String hours) throws Exception {
        TestPki pki = SandboxCertificates.pki(folder);
        ObjectNode attributes = SandboxCertificates.realmAttributes(pki);
        attributes.put(RealmClientTrust.GRACE_HOURS, hours);

        assertThatThrownBy(() -> RealmClientTrust.of("esante-wallet", attributes))
                .isInstanceOf(AdminException.class).hasMessageContaining(RealmClientTrust.GRACE_HOURS);
    }
}
