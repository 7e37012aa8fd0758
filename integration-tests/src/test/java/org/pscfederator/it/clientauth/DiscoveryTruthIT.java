package org.pscfederator.it.clientauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.TestPki;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * Discovery tells the truth, in the sandbox realm and in the production one: every client authentication method,
 * PKCE method, level, scope and response type it lists is accepted, and one it does not list is refused. Libraries
 * choose from these lists; a method listed and then refused is an integration that breaks.
 */
@Tag("psc-discovery")
@ExtendWith(SandboxServerExtension.class)
class DiscoveryTruthIT {

    private static final String PRODUCTION = ProductionRealmCopy.NAME;
    private static final String REDIRECT = "https://rp.example/discovery-rp/callback";
    private static final String SECRET = "discovery-rp-sandbox-secret";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private static TestPki pki;

    static Stream<String> realms() {
        return Stream.of(SandboxServer.REALM, PRODUCTION);
    }

    @BeforeAll
    static void productionRealm(SandboxServer server) throws Exception {
        pki = TestPki.open(server.dataDir().resolve("pki"));
        ProductionRealmCopy.ensure(server, pki, PRODUCTION);
    }

    @ParameterizedTest
    @MethodSource("realms")
    void everyAdvertisedClientAuthenticationAuthenticatesAndNoOther(String realm, SandboxServer server)
            throws Exception {
        OIDCProviderMetadata provider = discovery(server, realm);
        Client client = register(server, realm);
        ClientID id = new ClientID(client.id());
        URI token = provider.getTokenEndpointURI();
        Map<String, RelyingService> methods = Map.of(
                "tls_client_auth", RelyingService.withCertificate(server, provider, client.id(),
                        client.certificate().keystore()),
                "client_secret_basic", with(server, provider, new ClientSecretBasic(id, new Secret(SECRET))),
                "client_secret_post", with(server, provider, new ClientSecretPost(id, new Secret(SECRET))),
                "client_secret_jwt", with(server, provider, new ClientSecretJWT(id, token, JWSAlgorithm.HS256,
                        new Secret(SECRET + SECRET))),
                "private_key_jwt", with(server, provider, new PrivateKeyJWT(id, token, JWSAlgorithm.RS256,
                        rsaKey(), null, null)));
        List<String> advertised = provider.getTokenEndpointAuthMethods().stream().map(Object::toString).toList();

        assertThat(advertised).as(realm).contains("tls_client_auth").doesNotContain("private_key_jwt",
                "client_secret_jwt", "none");
        assertThat(advertised.contains("client_secret_basic")).as(realm).isEqualTo(realm.equals(SandboxServer.REALM));
        for (Map.Entry<String, RelyingService> method : methods.entrySet()) {
            // Client authentication comes before the grant: a client that authenticated hears invalid_grant.
            HTTPResponse answer = method.getValue().token(new RefreshTokenGrant(new RefreshToken("not-a-token")));
            String error = ErrorObject.parse(answer).getCode();
            if (advertised.contains(method.getKey())) {
                assertThat(error).as(realm + " advertises " + method.getKey() + ": " + answer.getBody())
                        .isEqualTo("invalid_grant");
            } else {
                // RFC 6749 5.2: 401, or 400 when the client did not use the Authorization header.
                assertThat(answer.getStatusCode()).as(realm + " does not advertise " + method.getKey() + ": "
                        + answer.getBody()).isIn(400, 401);
                assertThat(error).as(realm + " does not advertise " + method.getKey()).isEqualTo("invalid_client");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("realms")
    void everyAdvertisedPkceMethodLevelScopeAndResponseTypeIsAcceptedAndOthersRefused(String realm,
            SandboxServer server) throws Exception {
        OIDCProviderMetadata provider = discovery(server, realm);
        Client client = register(server, realm);
        String base = provider.getAuthorizationEndpointURI() + "?client_id=" + client.id() + "&redirect_uri="
                + REDIRECT + "&state=s1&nonce=n1";
        Map<String, String> good = Map.of("response_type", "code", "scope", "openid", "acr_values", "eidas1",
                "code_challenge_method", "S256");

        List<String> methods = provider.getCodeChallengeMethods().stream().map(Object::toString).toList();
        List<String> levels = provider.getACRs().stream().map(Object::toString).toList();
        List<String> scopes = provider.getScopes().toStringList();
        List<String> responseTypes = provider.getResponseTypes().stream().map(Object::toString).toList();
        assertThat(methods).as(realm).containsExactly("S256");
        assertThat(levels).as(realm).containsExactly("eidas1");
        assertThat(responseTypes).as(realm).containsExactly("code");
        assertThat(scopes).as(realm).contains("openid", "scope_all", "psc_idnat", "psc_practice")
                .doesNotContain("microprofile-jwt", "service_account", "organization", "offline_access", "phone");
        assertThat(provider.getClaims()).as(realm).contains("SubjectNameID", "SubjectRefPro", "SubjectRole",
                "SubjectOrganization", "Secteur_Activite", "otherIds", "acr", "amr");

        for (String method : methods) {
            assertAccepted(server, base, good, "code_challenge_method", method);
        }
        assertRefused(server, base, good, "code_challenge_method", "plain");
        for (String level : levels) {
            assertAccepted(server, base, good, "acr_values", level);
        }
        assertRefused(server, base, good, "acr_values", "0");
        for (String scope : scopes) {
            assertAccepted(server, base, good, "scope", scope.equals("openid") ? scope : "openid " + scope);
        }
        assertRefused(server, base, good, "scope", "openid microprofile-jwt");
        assertRefused(server, base, good, "scope", "openid offline_access");
        for (String responseType : responseTypes) {
            assertAccepted(server, base, good, "response_type", responseType);
        }
        assertRefused(server, base, good, "response_type", "id_token token");
    }

    private static void assertAccepted(SandboxServer server, String base, Map<String, String> good, String name,
            String value) throws Exception {
        CardBrowser.Outcome outcome = authorize(server, base, good, name, value);
        assertThat(outcome.status()).as(name + "=" + value + " is advertised: " + outcome.location())
                .isEqualTo(200);
        assertThat(outcome.page()).as(name + "=" + value).contains("id=\"psc-login-form\"");
    }

    private static void assertRefused(SandboxServer server, String base, Map<String, String> good, String name,
            String value) throws Exception {
        CardBrowser.Outcome outcome = authorize(server, base, good, name, value);
        String answer = outcome.location() != null ? URLDecoder.decode(outcome.location(), StandardCharsets.UTF_8)
                : outcome.page();
        assertThat(outcome.status()).as(name + "=" + value + " is not advertised: " + answer).isIn(302, 303, 400);
        assertThat(answer).as(name + "=" + value).contains("error").doesNotContain("code=");
    }

    private static CardBrowser.Outcome authorize(SandboxServer server, String base, Map<String, String> good,
            String name, String value) throws Exception {
        StringBuilder url = new StringBuilder(base);
        Map<String, String> parameters = new LinkedHashMap<>(good);
        parameters.put(name, value);
        parameters.forEach((key, v) -> url.append('&').append(key).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        url.append("&code_challenge=").append(CHALLENGE);
        return CardBrowser.withoutCard(server).open(URI.create(url.toString()));
    }

    private record Client(String id, IssuedCertificate certificate) {
    }

    /** A relying service registered as PSC's are, with a secret too (which only the sandbox may accept). */
    private static Client register(SandboxServer server, String realm) throws Exception {
        String clientId = "discovery-" + UUID.randomUUID().toString().substring(0, 8);
        IssuedCertificate certificate = pki.issueClient(ClientRequest.of(clientId));
        Onboarding onboarding = new Onboarding(server, realm);
        var client = Onboarding.orgClient(clientId, REDIRECT, Onboarding.thumbprintBindings(certificate.certificate()));
        if (realm.equals(SandboxServer.REALM)) {
            client.put("secret", SECRET);
        }
        onboarding.registerOrFail(client);
        return new Client(clientId, certificate);
    }

    private static OIDCProviderMetadata discovery(SandboxServer server, String realm) throws Exception {
        HTTPResponse document = RelyingService.withoutCertificate(server, null, "discovery", null)
                .send(new HTTPRequest(HTTPRequest.Method.GET, URI.create(server.baseUrl() + "/realms/" + realm
                        + "/.well-known/openid-configuration")));
        return OIDCProviderMetadata.parse(document.getBodyAsJSONObject());
    }

    private static RelyingService with(SandboxServer server, OIDCProviderMetadata provider,
            ClientAuthentication authentication) throws Exception {
        return RelyingService.authenticatingWith(server, provider, authentication);
    }

    private static RSAPrivateKey rsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return (RSAPrivateKey) generator.generateKeyPair().getPrivate();
    }
}
