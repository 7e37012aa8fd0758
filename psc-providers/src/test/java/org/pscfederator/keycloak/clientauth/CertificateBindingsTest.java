package org.pscfederator.keycloak.clientauth;

import org.pscfederator.core.bindings.CertificateBindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pscfederator.testpki.CardRequest;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.TestPki;

/**
 * A relying service's registered certificates, what binds a certificate to the client (RFC 8705 §2): thumbprint or
 * subject and issuer, one or two.
 */
@Tag("rfc8705")
class CertificateBindingsTest {

    @TempDir
    static Path folder;
    private static X509Certificate current;
    private static X509Certificate renewed;
    private static X509Certificate other;
    private static X509Certificate lookalike;

    @BeforeAll
    static void certificates() {
        TestPki pki = TestPki.createOrOpen(folder.resolve("pki"));
        current = pki.issueClient(ClientRequest.of("rp-a")).certificate();
        renewed = pki.issueClient(ClientRequest.of("rp-a")).certificate();
        other = pki.issueClient(ClientRequest.of("rp-b")).certificate();
        lookalike = pki.issueLookalikeCard(CardRequest.of("899700366240")).certificate();
    }

    @Test
    void thumbprintBindingMatchesThatCertificateOnly() {
        CertificateBindings bindings = CertificateBindings.parse(thumbprints(current));

        assertThat(bindings.matches(current)).isTrue();
        assertThat(bindings.matches(renewed)).as("same subject, another key").isFalse();
        assertThat(bindings.matches(other)).isFalse();
    }

    @Test
    void subjectAndIssuerBindingMatchesRenewalsOfTheSameName() {
        String json = "[{\"subject\":\"" + current.getSubjectX500Principal().getName() + "\",\"issuer\":\""
                + current.getIssuerX500Principal().getName() + "\"}]";

        CertificateBindings bindings = CertificateBindings.parse(json);

        assertThat(bindings.matches(current)).isTrue();
        assertThat(bindings.matches(renewed)).isTrue();
        assertThat(bindings.matches(other)).isFalse();
    }

    @Test
    void subjectBindingNeedsTheSameIssuerToo() {
        String json = "[{\"subject\":\"" + current.getSubjectX500Principal().getName()
                + "\",\"issuer\":\"CN=SOME OTHER CA,O=PSC SANDBOX,C=FR\"}]";

        assertThat(CertificateBindings.parse(json).matches(current)).isFalse();
    }

    @Test
    void twoBindingsDuringARenewalMatchEither() {
        String json = "[{\"x5t#S256\":\"" + CertificateBindings.thumbprint(current) + "\"},{\"x5t#S256\":\""
                + CertificateBindings.thumbprint(renewed) + "\"}]";

        CertificateBindings bindings = CertificateBindings.parse(json);

        assertThat(bindings.size()).isEqualTo(2);
        assertThat(bindings.matches(current)).isTrue();
        assertThat(bindings.matches(renewed)).isTrue();
        assertThat(bindings.matches(lookalike)).isFalse();
    }

    @Test
    void thumbprintIsRfc8705Form() {
        assertThat(CertificateBindings.thumbprint(current)).matches("[A-Za-z0-9_-]{43}");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "[]", "{}", "not json", "[1]", "[{}]", "[{\"x5t#S256\":\"short\"}]",
            "[{\"x5t#S256\":12}]", "[{\"subject\":\"CN=A\"}]", "[{\"subject\":\"CN=A\",\"issuer\":\"\"}]",
            "[{\"subject\":\"no dn ===\",\"issuer\":\"CN=B\"}]",
            "[{\"x5t#S256\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\"subject\":\"CN=A\",\"issuer\":\"CN=B\"}]",
            "[{\"x5t#S256\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"},"
                    + "{\"x5t#S256\":\"BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB\"},"
                    + "{\"x5t#S256\":\"CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC\"}]"})
    void unreadableOrEmptyBindingsAreRefused(String attribute) {
        assertThatThrownBy(() -> CertificateBindings.parse(attribute)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void basicHeaderGivesTheFormDecodedClientId() {
        String header = "Basic " + java.util.Base64.getEncoder().encodeToString("my%3Arp:secret".getBytes());

        assertThat(OrgCertificateAuthenticator.basicUser(header)).isEqualTo("my:rp");
        assertThat(OrgCertificateAuthenticator.basicUser("Bearer x")).isNull();
        assertThat(OrgCertificateAuthenticator.basicUser("Basic !!!")).isNull();
    }

    private static String thumbprints(X509Certificate certificate) {
        return "[{\"x5t#S256\":\"" + CertificateBindings.thumbprint(certificate) + "\"}]";
    }
}
