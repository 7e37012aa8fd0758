package org.pscfederator.it.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** PSC discovery: PSC's path (wallet-openid-configuration) serves the standard document, with what PSC advertises. */
@Tag("psc-discovery")
@ExtendWith(SandboxServerExtension.class)
class DiscoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void walletDiscoveryServesTheSameDocumentAsOpenIdConfiguration(SandboxServer server) throws Exception {
        JsonNode wallet = server.getJson(server.realmUrl() + "/.well-known/wallet-openid-configuration");
        JsonNode standard = server.getJson(server.realmUrl() + "/.well-known/openid-configuration");

        assertThat(wallet).isEqualTo(standard);
        assertThat(wallet.get("issuer").asText()).isEqualTo(server.realmUrl());
    }

    /** The issuer is the configured public URL: no Host or X-Forwarded-Host a client sends can change it. */
    @Test
    void issuerIgnoresTheHostHeader(SandboxServer server) throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(
                        URI.create(server.realmUrl() + "/.well-known/openid-configuration"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Host", "evil.example:8443")
                .header("X-Forwarded-Host", "evil.example")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.get("issuer").asText()).isEqualTo(server.realmUrl());
        assertThat(doc.get("authorization_endpoint").asText()).startsWith(server.baseUrl());
        assertThat(response.body()).doesNotContain("evil.example");
    }

    @Test
    void endpointsAreUnderTheAuthPrefixAsAtPsc(SandboxServer server) throws Exception {
        JsonNode doc = server.getJson(server.realmUrl() + "/.well-known/wallet-openid-configuration");
        String oidc = server.realmUrl() + "/protocol/openid-connect";

        // PSC's front serves the authorization endpoint at /auth (WalletAuthorizationIT); the realm path still works.
        assertThat(doc.get("authorization_endpoint").asText())
                .isEqualTo(URI.create(server.baseUrl()).resolve("/auth").toString());
        assertThat(doc.get("token_endpoint").asText()).isEqualTo(oidc + "/token");
        assertThat(doc.get("userinfo_endpoint").asText()).isEqualTo(oidc + "/userinfo");
        assertThat(doc.get("introspection_endpoint").asText()).isEqualTo(oidc + "/token/introspect");
        assertThat(doc.get("jwks_uri").asText()).isEqualTo(oidc + "/certs");
        assertThat(doc.get("end_session_endpoint").asText()).isEqualTo(oidc + "/logout");
    }

    @Test
    void advertisesMutualTlsClientAuthenticationAndBoundTokens(SandboxServer server) throws Exception {
        JsonNode doc = server.getJson(server.realmUrl() + "/.well-known/wallet-openid-configuration");

        assertThat(texts(doc.get("token_endpoint_auth_methods_supported"))).contains("tls_client_auth");
        assertThat(doc.get("tls_client_certificate_bound_access_tokens").asBoolean()).isTrue();
        JsonNode aliases = doc.get("mtls_endpoint_aliases");
        assertThat(aliases).isNotNull();
        assertThat(aliases.get("token_endpoint").asText()).isEqualTo(doc.get("token_endpoint").asText());
        assertThat(aliases.get("userinfo_endpoint").asText()).isEqualTo(doc.get("userinfo_endpoint").asText());
    }

    @Test
    void advertisesCibaInPollModeOnly(SandboxServer server) throws Exception {
        JsonNode doc = server.getJson(server.realmUrl() + "/.well-known/wallet-openid-configuration");

        assertThat(texts(doc.get("grant_types_supported"))).contains("urn:openid:params:grant-type:ciba");
        assertThat(texts(doc.get("backchannel_token_delivery_modes_supported"))).containsExactly("poll");
        assertThat(doc.get("backchannel_authentication_endpoint").asText())
                .isEqualTo(server.realmUrl() + "/protocol/openid-connect/ext/ciba/auth");
    }

    @Test
    void advertisesPushedAuthorizationRequests(SandboxServer server) throws Exception {
        JsonNode doc = server.getJson(server.realmUrl() + "/.well-known/wallet-openid-configuration");

        assertThat(doc.get("pushed_authorization_request_endpoint").asText())
                .isEqualTo(server.realmUrl() + "/protocol/openid-connect/ext/par/request");
    }

    @Test
    void unknownWellKnownPathIsNotFound(SandboxServer server) throws Exception {
        assertThat(server.get(server.realmUrl() + "/.well-known/no-such-configuration", null).statusCode())
                .isEqualTo(404);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
