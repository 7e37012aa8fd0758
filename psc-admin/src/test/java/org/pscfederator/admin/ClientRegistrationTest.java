package org.pscfederator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.core.bindings.CertificateBinding;
import org.pscfederator.testpki.ClientRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.TypeConversionException;

class ClientRegistrationTest {

    @TempDir
    Path folder;

    @Test
    void aRelyingServiceIsConfidentialCodeFlowOnlyWithPkceAndBoundTokens() throws Exception {
        OrgCertificate certificate = OrgCertificate.read(SandboxCertificates.pki(folder)
                .issueClient(ClientRequest.of("svc")).certificatePem());

        ObjectNode client = ClientRegistration.representation("svc", List.of(URI.create("https://rp.example/cb")), List.of(),
                ClientCertificates.of(certificate, CertificateBinding.Kind.THUMBPRINT));

        assertThat(client.path("clientId").asText()).isEqualTo("svc");
        assertThat(client.path("publicClient").asBoolean(true)).isFalse();
        assertThat(client.path("clientAuthenticatorType").asText()).isEqualTo("psc-org-mtls");
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("implicitFlowEnabled").asBoolean(true)).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean(true)).isFalse();
        assertThat(client.path("redirectUris").toString()).isEqualTo("[\"https://rp.example/cb\"]");
        JsonNode attributes = client.path("attributes");
        assertThat(attributes.path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(attributes.path("tls.client.certificate.bound.access.tokens").asText()).isEqualTo("true");
        assertThat(attributes.path("psc.org.cert.bindings").asText()).contains(certificate.thumbprint());
        assertThat(attributes.path("post.logout.redirect.uris").asText()).isEqualTo("+");
        assertThat(client.has("secret")).isFalse();
    }

    @Test
    void postLogoutRedirectUrisAreListedWhenGiven() throws Exception {
        OrgCertificate certificate = OrgCertificate.read(SandboxCertificates.pki(folder)
                .issueClient(ClientRequest.of("svc")).certificatePem());

        ObjectNode client = ClientRegistration.representation("svc", List.of(URI.create("https://rp.example/cb")),
                ClientRegistration.postLogoutRedirectUris(List.of("https://rp.example/", "https://rp.example/bye")),
                ClientCertificates.of(certificate, CertificateBinding.Kind.THUMBPRINT));

        assertThat(client.path("attributes").path("post.logout.redirect.uris").asText())
                .isEqualTo("https://rp.example/##https://rp.example/bye");
        assertThatThrownBy(() -> ClientRegistration.postLogoutRedirectUris(List.of("http://rp.example/")))
                .hasMessageContaining("--post-logout-redirect-uri");
    }

    @Test
    void redirectUrisMustBeExactAbsoluteHttps() throws Exception {
        assertThat(ClientRegistration.redirectUris(List.of("https://rp.example/cb", "https://localhost:8444/callback")))
                .hasSize(2);
        for (String bad : new String[] {"http://rp.example/cb", "https://rp.example/*", "/callback",
                "https://rp.example/cb#x", "not a uri"}) {
            assertThatThrownBy(() -> ClientRegistration.redirectUris(List.of(bad))).as(bad)
                    .isInstanceOf(TypeConversionException.class);
        }
        assertThatThrownBy(() -> ClientRegistration.redirectUris(List.of())).hasMessageContaining("required");
    }

    @Test
    void clientIdsAreShortAndPlain() {
        assertThatThrownBy(() -> ClientRegistration.clientId("../admin")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> ClientRegistration.clientId("a b")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> ClientRegistration.clientId("x".repeat(65))).isInstanceOf(TypeConversionException.class);
    }
}
