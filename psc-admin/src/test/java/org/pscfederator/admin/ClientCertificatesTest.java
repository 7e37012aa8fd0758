package org.pscfederator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.core.bindings.CertificateBinding;
import org.pscfederator.core.bindings.CertificateBindings;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ClientCertificatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    private OrgCertificate first;
    private OrgCertificate renewed;
    private OrgCertificate third;

    @BeforeEach
    void issue() throws Exception {
        TestPki pki = SandboxCertificates.pki(folder);
        first = OrgCertificate.read(pki.issueClient(ClientRequest.of("svc")).certificatePem());
        renewed = OrgCertificate.read(pki.issueClient(ClientRequest.of("svc")).certificatePem());
        third = OrgCertificate.read(pki.issueClient(ClientRequest.of("svc")).certificatePem());
    }

    @Test
    void theBindingsAttributeIsTheContractsJsonArray() throws Exception {
        ClientCertificates thumbprint = ClientCertificates.of(first, CertificateBinding.Kind.THUMBPRINT);
        ClientCertificates subject = ClientCertificates.of(first, CertificateBinding.Kind.SUBJECT);

        assertThat(JSON.readTree(thumbprint.bindingsJson())).isEqualTo(JSON.readTree(
                "[{\"x5t#S256\":\"" + first.thumbprint() + "\"}]"));
        assertThat(JSON.readTree(subject.bindingsJson())).isEqualTo(JSON.createArrayNode().add(JSON.createObjectNode()
                .put("subject", first.subject()).put("issuer", first.issuer())));
    }

    @Test
    void aRenewalKeepsBothCertificatesThenDropOldKeepsOnlyTheNewOne() throws Exception {
        ClientCertificates current = ClientCertificates.of(first, CertificateBinding.Kind.THUMBPRINT);

        ClientCertificates both = current.with(renewed, CertificateBinding.Kind.THUMBPRINT, false);
        ClientCertificates onlyNew = both.with(renewed, CertificateBinding.Kind.THUMBPRINT, true);

        assertThat(both.bindings()).extracting(CertificateBinding::thumbprint)
                .containsExactly(first.thumbprint(), renewed.thumbprint());
        assertThat(both.matches(first)).isTrue();
        assertThat(both.matches(renewed)).isTrue();
        assertThat(onlyNew.bindings()).extracting(CertificateBinding::thumbprint)
                .containsExactly(renewed.thumbprint());
        assertThat(onlyNew.matches(first)).isFalse();
        assertThat(onlyNew.detailsOf(onlyNew.bindings().get(0))).extracting(CertificateDetails::serial)
                .containsExactly(renewed.serial());
    }

    @Test
    void aThirdCertificateWaitsForTheRenewalToFinish() throws Exception {
        ClientCertificates both = ClientCertificates.of(first, CertificateBinding.Kind.THUMBPRINT)
                .with(renewed, CertificateBinding.Kind.THUMBPRINT, false);

        assertThatThrownBy(() -> both.with(third, CertificateBinding.Kind.THUMBPRINT, false))
                .isInstanceOf(AdminException.class).hasMessageContaining("--drop-old");
    }

    @Test
    void aSubjectBindingAlreadyMatchesARenewalWithTheSameNames() throws Exception {
        ClientCertificates current = ClientCertificates.of(first, CertificateBinding.Kind.SUBJECT);

        ClientCertificates next = current.with(renewed, CertificateBinding.Kind.SUBJECT, false);

        assertThat(current.matches(renewed)).isTrue();
        assertThat(next.bindings()).hasSize(1);
        assertThat(next.detailsOf(next.bindings().get(0))).extracting(CertificateDetails::serial)
                .containsExactly(first.serial(), renewed.serial());
    }

    @Test
    void readingBackGivesWhatWasWritten() throws Exception {
        ClientCertificates written = ClientCertificates.of(first, CertificateBinding.Kind.THUMBPRINT)
                .with(renewed, CertificateBinding.Kind.SUBJECT, false);
        ObjectNode attributes = JSON.createObjectNode()
                .put(ClientCertificates.BINDINGS_ATTRIBUTE, written.bindingsJson())
                .put(ClientCertificates.DETAILS_ATTRIBUTE, written.detailsJson());

        ClientCertificates read = ClientCertificates.read(attributes);

        assertThat(read.bindings()).isEqualTo(written.bindings());
        assertThat(read.detailsOf(read.bindings().get(0)).get(0)).isEqualTo(CertificateDetails.of(first));
    }

    @Test
    void anUnreadableBindingsAttributeIsReportedNotGuessed() {
        for (String bad : new String[] {"{\"x5t#S256\":\"abc\"}", "[{\"x5t#S256\":\"short\"}]", "not json",
                "[{\"subject\":\"CN=a\"}]", "[{\"x5t#S256\":\"" + "A".repeat(43) + "\",\"subject\":\"CN=a\"}]"}) {
            ObjectNode attributes = JSON.createObjectNode().put(ClientCertificates.BINDINGS_ATTRIBUTE, bad);
            assertThatThrownBy(() -> ClientCertificates.read(attributes)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ClientCertificates.read(JSON.createObjectNode()).bindings()).isEmpty();
    }

    /**
     * psc-admin compared a subject binding's names as strings, the server as X.500 names: a binding registered with
     * other spacing or case let the relying service in, while psc-admin said its certificate was not registered.
     */
    @Test
    @Tag("rfc8705")
    void aSubjectBindingMatchesAsTheServerMatchesIt() throws Exception {
        String spaced = first.subject().replace(",", ", ").toLowerCase(java.util.Locale.ROOT);
        ObjectNode attributes = JSON.createObjectNode().put(ClientCertificates.BINDINGS_ATTRIBUTE,
                JSON.createArrayNode().add(JSON.createObjectNode().put("subject", spaced)
                        .put("issuer", first.issuer())).toString());

        assertThat(CertificateBindings.parse(attributes.get(ClientCertificates.BINDINGS_ATTRIBUTE).asText())
                .matches(first.certificate())).as("the server").isTrue();
        assertThat(ClientCertificates.read(attributes).matches(first)).as("psc-admin").isTrue();
    }
}
