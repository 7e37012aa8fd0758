package org.pscfederator.it.clientauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCClaimsRequest;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * PSC's trusted space, production realm: its client policies make ORG mutual TLS ({@code psc-org-mtls}) mandatory for
 * confidential relying services, PKCE S256 and {@code acr_values=eidas1} required (at the authorization and PAR
 * endpoints), the implicit flow and the password
 * grant refused, and a client secret refused. Tested on the production-like realm as {@code realm-config} assembles
 * it, imported into the running sandbox server under another name with the sandbox PKI as its trust.
 */
@Tag("psc-trusted-space")
@Tag("rfc8705")
@ExtendWith(SandboxServerExtension.class)
class ProductionClientPoliciesIT {

    private static final String REALM = ProductionRealmCopy.NAME;
    private static final String REDIRECT = "https://rp.example/prod-rp/callback";

    private static Onboarding onboarding;
    private static OIDCProviderMetadata provider;
    private static TestPki pki;

    @BeforeAll
    static void importProductionRealm(SandboxServer server) throws Exception {
        pki = TestPki.open(server.dataDir().resolve("pki"));
        onboarding = new Onboarding(server, REALM);
        provider = ProductionRealmCopy.ensure(server, pki, REALM);
    }

    @Test
    void productionDiscoveryHasNoSandboxNotice() {
        assertThat(provider.getCustomParameters()).doesNotContainKey("psc_sandbox");
    }

    @Test
    void registeringAClientThatAuthenticatesWithASecretIsRefused() throws Exception {
        ObjectNode client = Onboarding.orgClient(unique("prod-secret"), REDIRECT, null)
                .put("clientAuthenticatorType", "client-secret").put("secret", "a-secret-in-production");

        HttpResponse<String> response = onboarding.register(client);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_client_metadata").contains("token_endpoint_auth_method");
    }

    @Test
    void registrationGetsOrgMutualTlsBoundTokensAndPkceByPolicy() throws Exception {
        String clientId = unique("prod-defaults");
        ObjectNode client = Onboarding.orgClient(clientId, REDIRECT, Onboarding.thumbprintBindings(
                pki.issueClient(ClientRequest.of(clientId)).certificate()));
        client.remove("clientAuthenticatorType");
        ((ObjectNode) client.get("attributes")).remove("pkce.code.challenge.method");

        onboarding.registerOrFail(client);

        JsonNode registered = onboarding.client(clientId);
        assertThat(registered.get("clientAuthenticatorType").asText()).isEqualTo("psc-org-mtls");
        assertThat(registered.at("/attributes/tls.client.certificate.bound.access.tokens").asText()).isEqualTo("true");
        assertThat(registered.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(registered.get("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(registered.get("directAccessGrantsEnabled").asBoolean()).isFalse();
    }

    @Test
    void orgCertificateAuthenticatesAndItsTokensAreBound(SandboxServer server) throws Exception {
        String clientId = unique("prod-mtls");
        IssuedCertificate certificate = pki.issueClient(ClientRequest.of(clientId));
        onboarding.registerOrFail(Onboarding.orgClient(clientId, REDIRECT,
                Onboarding.thumbprintBindings(certificate.certificate())).put("serviceAccountsEnabled", true));
        RelyingService rp = RelyingService.withCertificate(server, provider, clientId, certificate.keystore());

        HTTPResponse response = rp.token(new ClientCredentialsGrant());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        AccessTokenResponse tokens = TokenResponse.parse(response).toSuccessResponse();
        Object cnf = SignedJWT.parse(tokens.getTokens().getAccessToken().getValue()).getJWTClaimsSet().getClaim("cnf");
        assertThat(((Map<?, ?>) cnf).get("x5t#S256")).isEqualTo(Onboarding.thumbprint(certificate.certificate()));
    }

    @Test
    void clientSecretIsRefusedInTheProductionRealm(SandboxServer server) throws Exception {
        String clientId = unique("prod-rp");
        onboarding.registerOrFail(Onboarding.orgClient(clientId, REDIRECT, Onboarding.thumbprintBindings(
                pki.issueClient(ClientRequest.of(clientId)).certificate())).put("serviceAccountsEnabled", true));
        RelyingService withSecret = RelyingService.withoutCertificate(server, provider, clientId, "guessed-secret");

        HTTPResponse response = withSecret.token(new ClientCredentialsGrant());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(401);
        assertThat(ErrorObject.parse(response).getCode()).isEqualTo("invalid_client");
        assertThat(onboarding.events("CLIENT_LOGIN_ERROR", clientId)).anySatisfy(event ->
                assertThat(event.at("/details/psc_reason").asText()).isEqualTo("client_secret_not_allowed"));
    }

    @Test
    void passwordGrantIsRefused(SandboxServer server) throws Exception {
        String clientId = unique("prod-ropc");
        IssuedCertificate certificate = pki.issueClient(ClientRequest.of(clientId));
        onboarding.registerOrFail(Onboarding.orgClient(clientId, REDIRECT,
                Onboarding.thumbprintBindings(certificate.certificate())).put("directAccessGrantsEnabled", true));
        RelyingService rp = RelyingService.withCertificate(server, provider, clientId, certificate.keystore());

        HTTPResponse response = rp.token(new ResourceOwnerPasswordCredentialsGrant("899700366240",
                new Secret("a-password")));

        assertThat(response.getStatusCode()).as(response.getBody()).isBetween(400, 401);
        assertThat(ErrorObject.parse(response).getCode()).isIn("unauthorized_client", "invalid_request",
                "invalid_grant");
        assertThat(response.getBody()).doesNotContain("access_token");
    }

    @Test
    void authorizationRequestNeedsEidas1AndPkceS256AndNoImplicitFlow(SandboxServer server) throws Exception {
        String clientId = unique("prod-authz");
        onboarding.registerOrFail(Onboarding.orgClient(clientId, REDIRECT, Onboarding.thumbprintBindings(
                pki.issueClient(ClientRequest.of(clientId)).certificate())));
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        String base = provider.getAuthorizationEndpointURI() + "?client_id=" + clientId + "&redirect_uri=" + REDIRECT
                + "&scope=openid%20scope_all&state=s1&nonce=n1";
        String pkce = "&code_challenge=" + challenge + "&code_challenge_method=S256";

        Map<String, String> refused = Map.of(
                "no acr_values", base + "&response_type=code" + pkce,
                "another acr", base + "&response_type=code&acr_values=eidas2" + pkce,
                // OpenID Connect Core 5.5.1.1: the claims parameter names a level too; it must not bypass acr_values.
                "acr 0 in the claims parameter", base + "&response_type=code&acr_values=eidas1" + pkce
                        + "&claims=" + java.net.URLEncoder.encode(
                                "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"0\"]}}}",
                                java.nio.charset.StandardCharsets.UTF_8),
                "no PKCE", base + "&response_type=code&acr_values=eidas1",
                "PKCE plain", base + "&response_type=code&acr_values=eidas1&code_challenge=" + challenge
                        + "&code_challenge_method=plain",
                "implicit", base + "&response_type=id_token%20token&acr_values=eidas1" + pkce);
        for (Map.Entry<String, String> request : refused.entrySet()) {
            CardBrowser.Outcome outcome = CardBrowser.withoutCard(server).open(URI.create(request.getValue()));
            assertThat(outcome.status()).as(request.getKey() + ": " + outcome.page()).isIn(302, 303, 400);
            String answer = outcome.location() != null ? outcome.location() : outcome.page();
            assertThat(answer).as(request.getKey()).containsAnyOf("error=invalid_request",
                    "error=unsupported_response_type", "error=unauthorized_client", "invalid_request");
            assertThat(answer).as(request.getKey()).doesNotContain("code=");
            if (request.getKey().contains("acr")) {
                assertThat(java.net.URLDecoder.decode(answer, java.nio.charset.StandardCharsets.UTF_8))
                        .as(request.getKey()).contains("error_description=").contains("acr");
            }
        }
        CardBrowser.Outcome accepted = CardBrowser.withoutCard(server).open(URI.create(base
                + "&response_type=code&acr_values=eidas1" + pkce));
        assertThat(accepted.status()).as(accepted.page()).isEqualTo(200);
        assertThat(accepted.page()).contains("id=\"psc-login-form\"");
    }

    /**
     * RFC 9126: a pushed authorization request meets the same level check as the authorization request, with the
     * production setting (acr_values=eidas1 required): a missing acr_values, another level, or acr "0" in the claims
     * parameter is refused with invalid_request naming acr, and no request_uri is issued; eidas1 alone is accepted.
     */
    @Test
    void pushedAuthorizationRequestNeedsEidas1(SandboxServer server) throws Exception {
        String clientId = unique("prod-par");
        IssuedCertificate certificate = pki.issueClient(ClientRequest.of(clientId));
        onboarding.registerOrFail(Onboarding.orgClient(clientId, REDIRECT,
                Onboarding.thumbprintBindings(certificate.certificate())));
        RelyingService rp = RelyingService.withCertificate(server, provider, clientId, certificate.keystore());

        Map<String, AuthenticationRequest> refused = Map.of(
                "no acr_values", pushed(clientId, List.of(), null),
                "acr_values=0", pushed(clientId, List.of(new ACR("0")), null),
                "acr 0 in the claims parameter", pushed(clientId, List.of(new ACR("eidas1")),
                        "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"0\"]}}}"));
        for (Map.Entry<String, AuthenticationRequest> request : refused.entrySet()) {
            HTTPResponse response = rp.push(request.getValue());

            assertThat(response.getStatusCode()).as(request.getKey() + ": " + response.getBody()).isEqualTo(400);
            ErrorObject error = ErrorObject.parse(response);
            assertThat(error.getCode()).as(request.getKey()).isEqualTo("invalid_request");
            assertThat(error.getDescription()).as(request.getKey()).contains("acr");
            assertThat(response.getBody()).as(request.getKey()).doesNotContain("request_uri");
        }
        HTTPResponse accepted = rp.push(pushed(clientId, List.of(new ACR("eidas1")), null));
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(201);
        assertThat(PushedAuthorizationResponse.parse(accepted).toSuccessResponse().getRequestURI().toString())
                .startsWith("urn:ietf:params:oauth:request_uri:");
    }

    private static AuthenticationRequest pushed(String clientId, List<ACR> levels, String claims) throws Exception {
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(new ResponseType("code"),
                new Scope("openid", "scope_all"), new ClientID(clientId), URI.create(REDIRECT))
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(new State()).nonce(new Nonce())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256);
        if (!levels.isEmpty()) {
            request.acrValues(levels);
        }
        if (claims != null) {
            request.claims(OIDCClaimsRequest.parse(claims));
        }
        return request.build();
    }

    /**
     * This copy of the production realm is not the server's PSC realm (that is esante-wallet): PSC's login page shows,
     * but choosing a means is refused with a French page, and no card is read nor push sent for another realm.
     */
    @Test
    void cardLoginIsRefusedInARealmThatIsNotThePscRealm(SandboxServer server) throws Exception {
        String clientId = unique("prod-other-realm");
        onboarding.registerOrFail(Onboarding.orgClient(clientId, REDIRECT, Onboarding.thumbprintBindings(
                pki.issueClient(ClientRequest.of(clientId)).certificate())));
        CardBrowser browser = CardBrowser.withCard(server, server.dataDir().resolve("pki/cards/899700366240.p12"));
        CardBrowser.Outcome page = browser.open(URI.create(provider.getAuthorizationEndpointURI() + "?client_id="
                + clientId + "&redirect_uri=" + REDIRECT + "&scope=openid%20scope_all&state=s1&nonce=n1"
                + "&response_type=code&acr_values=eidas1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&code_challenge_method=S256"));
        assertThat(page.page()).contains("id=\"psc-login-form\"");

        CardBrowser.Outcome chosen = browser.submit(page, "psc-login-form", "method=card");

        assertThat(chosen.status()).isEqualTo(404);
        assertThat(chosen.page()).contains("n&#39;est pas propos");
        assertThat(chosen.location() == null || !chosen.location().contains("code=")).isTrue();
        assertThat(browser.hasCookie("KEYCLOAK_IDENTITY")).as("no login session").isFalse();
        assertThat(onboarding.events("LOGIN_ERROR", clientId)).as("a login-error event naming the reason")
                .anySatisfy(event -> assertThat(event.at("/details/psc_reason").asText()).isEqualTo("not_psc_realm"));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
