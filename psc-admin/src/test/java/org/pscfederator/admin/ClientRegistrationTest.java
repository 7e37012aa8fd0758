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
                ClientCertificates.of(certificate, CertificateBinding.Kind.THUMBPRINT), ClientRegistration.Options.DEFAULT);

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
                ClientCertificates.of(certificate, CertificateBinding.Kind.THUMBPRINT), ClientRegistration.Options.DEFAULT);

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
    void cibaBackChannelLogoutAndUnboundTokensAreWrittenWhenAskedFor() throws Exception {
        OrgCertificate certificate = OrgCertificate.read(SandboxCertificates.pki(folder)
                .issueClient(ClientRequest.of("svc")).certificatePem());

        JsonNode attributes = ClientRegistration.representation("svc", List.of(URI.create("https://rp.example/cb")),
                List.of(), ClientCertificates.of(certificate, CertificateBinding.Kind.THUMBPRINT),
                new ClientRegistration.Options(true, ClientRegistration.backchannelLogoutUri(
                        "https://rp.example/logout"), false)).path("attributes");

        assertThat(attributes.path("oidc.ciba.grant.enabled").asText()).isEqualTo("true");
        assertThat(attributes.path("ciba.backchannel.token.delivery.mode").asText()).isEqualTo("poll");
        assertThat(attributes.path("backchannel.logout.url").asText()).isEqualTo("https://rp.example/logout");
        assertThat(attributes.path("backchannel.logout.session.required").asText()).isEqualTo("true");
        assertThat(attributes.path("tls.client.certificate.bound.access.tokens").asText()).isEqualTo("false");
        assertThatThrownBy(() -> ClientRegistration.backchannelLogoutUri("http://localhost:3000/logout"))
                .as("server to server: https only").isInstanceOf(TypeConversionException.class);
    }

    /** RFC 8252 section 7.3: a vendor's development server on this machine, in the sandbox only. */
    @Test
    void loopbackHttpRedirectsAreTakenWhereTheRealmAllowsThemOnly() throws Exception {
        List<URI> loopback = ClientRegistration.redirectUris(List.of("http://localhost:3000/callback",
                "http://127.0.0.1:8080/cb", "http://[::1]:5000/cb"));

        ClientRegistration.refuseLoopback(loopback, true, "esante-wallet");
        assertThatThrownBy(() -> ClientRegistration.refuseLoopback(loopback, false, "production"))
                .isInstanceOf(AdminException.class).hasMessageContaining("https redirect URIs only")
                .hasMessageContaining("nothing was changed");
        ClientRegistration.refuseLoopback(List.of(URI.create("https://rp.example/cb")), false, "production");
        for (String bad : new String[] {"http://localhost.evil.example/cb", "http://10.0.0.1/cb",
                "http://localhost:3000/*"}) {
            assertThatThrownBy(() -> ClientRegistration.redirectUris(List.of(bad))).as(bad)
                    .isInstanceOf(TypeConversionException.class);
        }
    }

    @Test
    void clientIdsAreShortAndPlain() {
        assertThatThrownBy(() -> ClientRegistration.clientId("../admin")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> ClientRegistration.clientId("a b")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> ClientRegistration.clientId("x".repeat(65))).isInstanceOf(TypeConversionException.class);
    }
}
