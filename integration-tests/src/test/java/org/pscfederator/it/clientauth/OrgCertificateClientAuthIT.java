package org.pscfederator.it.clientauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.pscfederator.testpki.Validity;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.ciba.CIBARequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * RFC 8705 §2.1 and §3, ORG AUTH_CLI certificate authentication and certificate-bound tokens: a relying service
 * written with a third-party OIDC library (Nimbus OAuth 2.0 SDK) authenticates with its ORG AUTH_CLI certificate
 * ({@code tls_client_auth}) at the token, userinfo, introspection, revocation, PAR and CIBA endpoints of the sandbox,
 * over real TLS through the sandbox's front; its tokens are bound to that certificate (RFC 8705). Every bad input
 * tested below is refused with the RFC error code and leaves an event.
 */
@Tag("rfc8705")
@ExtendWith(SandboxServerExtension.class)
class OrgCertificateClientAuthIT {

    private static final String REDIRECT = "https://localhost/it-rp/callback";
    private static final String PROFESSIONAL = "899700366240";

    private static OIDCProviderMetadata provider;
    private static JWKSet keys;
    private static TestPki pki;
    private static Onboarding onboarding;

    @BeforeAll
    static void discover(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        pki = TestPki.open(server.dataDir().resolve("pki"));
        onboarding = new Onboarding(server, SandboxServer.REALM);
        RelyingService anonymous = RelyingService.withoutCertificate(server, null, "discovery", null);
        HTTPResponse document = anonymous.send(new HTTPRequest(HTTPRequest.Method.GET,
                URI.create(server.realmUrl() + "/.well-known/openid-configuration")));
        provider = OIDCProviderMetadata.parse(document.getBodyAsJSONObject());
        keys = JWKSet.parse(anonymous.send(new HTTPRequest(HTTPRequest.Method.GET, provider.getJWKSetURI()))
                .getBody());
    }

    @Test
    void discoveryAdvertisesTlsClientAuthAndCertificateBoundTokens(SandboxServer server) {
        assertThat(provider.getIssuer()).isEqualTo(new Issuer(server.realmUrl()));
        assertThat(provider.getTokenEndpointAuthMethods()).contains(ClientAuthenticationMethod.TLS_CLIENT_AUTH)
                .doesNotHaveDuplicates();
        assertThat(provider.supportsTLSClientCertificateBoundAccessTokens()).isTrue();
        assertThat(provider.getMtlsEndpointAliases()).isNotNull();
        assertThat(provider.getCustomParameters()).containsKey("psc_sandbox");
        assertThat(provider.getCustomParameters().get("psc_sandbox").toString())
                .contains("client_secret_allowed").contains("sandbox only");
    }

    /** The whole integration of a vendor: login, code exchange, ID token, userinfo, refresh, introspection, logout. */
    @Test
    void relyingServiceLogsAProfessionalInWithItsOrgCertificate(SandboxServer server) throws Exception {
        String clientId = unique("rp-flow");
        IssuedCertificate certificate = pki.issueClient(ClientRequest.of(clientId));
        onboarding.registerOrFail(Onboarding.orgClient(clientId, REDIRECT,
                Onboarding.thumbprintBindings(certificate.certificate())));
        assertThat(onboarding.client(clientId).at("/attributes/tls.client.certificate.bound.access.tokens").asText())
                .as("bound tokens by default for psc-org-mtls").isEqualTo("true");
        RelyingService rp = RelyingService.withCertificate(server, provider, clientId, certificate.keystore());

        Login login = login(server, clientId);
        OIDCTokenResponse tokens = success(rp.exchange(login.code(), URI.create(REDIRECT), login.verifier()));

        IDTokenClaimsSet idToken = new IDTokenValidator(provider.getIssuer(), rp.clientId(), JWSAlgorithm.RS256, keys)
                .validate(tokens.getOIDCTokens().getIDToken(), login.nonce());
        assertThat(idToken.getStringClaim("SubjectNameID")).isEqualTo(PROFESSIONAL);
        assertThat(idToken.getACR()).isEqualTo(new ACR("eidas1"));
        String thumbprint = Onboarding.thumbprint(certificate.certificate());
        assertThat(boundThumbprint(tokens.getOIDCTokens().getAccessToken().getValue())).isEqualTo(thumbprint);
        assertThat(boundThumbprint(tokens.getOIDCTokens().getRefreshToken().getValue())).isEqualTo(thumbprint);
        assertThat(onboarding.events("CODE_TO_TOKEN", clientId)).anySatisfy(event ->
                assertThat(event.at("/details/client_auth_method").asText()).isEqualTo("psc-org-mtls"));

        HTTPResponse userInfo = rp.userInfo(tokens.getOIDCTokens().getAccessToken());
        assertThat(userInfo.getStatusCode()).as(userInfo.getBody()).isEqualTo(200);
        assertThat(userInfo.getHeaderValue("Content-Type")).startsWith("application/jwt");
        JWTClaimsSet claims = verified(userInfo.getBody());
        assertThat(claims.getSubject()).isEqualTo(idToken.getSubject().getValue());
        assertThat(claims.getStringClaim("SubjectNameID")).isEqualTo(PROFESSIONAL);

        OIDCTokenResponse refreshed = success(rp.refresh(tokens.getOIDCTokens().getRefreshToken()));
        assertThat(boundThumbprint(refreshed.getOIDCTokens().getAccessToken().getValue())).isEqualTo(thumbprint);

        TokenIntrospectionSuccessResponse introspection = introspection(
                rp.introspect(refreshed.getOIDCTokens().getAccessToken()));
        assertThat(introspection.isActive()).isTrue();
        assertThat(introspection.getClientID()).isEqualTo(rp.clientId());
        assertThat(introspection.getX509CertificateConfirmation().getValue().toString()).isEqualTo(thumbprint);
        assertThat(introspection.getStringParameter("SubjectNameID")).isEqualTo(PROFESSIONAL);

        CardBrowser browser = CardBrowser.withoutCard(server);
        CardBrowser.Outcome logout = browser.open(new LogoutRequest(provider.getEndSessionEndpointURI(),
                refreshed.getOIDCTokens().getIDToken(), URI.create(REDIRECT), new State("bye")).toURI());
        assertThat(logout.redirected()).as(logout.page()).isTrue();
        assertThat(logout.location()).startsWith(REDIRECT).contains("state=bye");
        assertThat(introspection(rp.introspect(refreshed.getOIDCTokens().getAccessToken())).isActive())
                .as("the session is over").isFalse();
        assertThat(error(rp.refresh(refreshed.getOIDCTokens().getRefreshToken())).getCode())
                .isEqualTo("invalid_grant");
    }

    @Test
    void revokedRefreshTokenCannotBeUsedAgain(SandboxServer server) throws Exception {
        Registered registered = registerWithCertificate(server, "rp-revoke");
        OIDCTokenResponse tokens = loginAndExchange(server, registered);

        HTTPResponse revocation = registered.rp().revoke(tokens.getOIDCTokens().getRefreshToken());

        assertThat(revocation.getStatusCode()).as(revocation.getBody()).isEqualTo(200);
        assertThat(error(registered.rp().refresh(tokens.getOIDCTokens().getRefreshToken())).getCode())
                .isEqualTo("invalid_grant");
    }

    @Test
    void sandboxRpAuthenticatesWithTheCertificateTheSandboxIssuedOrItsSandboxSecret(SandboxServer server)
            throws Exception {
        Path p12 = server.dataDir().resolve("pki/clients/sandbox-rp.p12");
        assertThat(p12).as("issued at first start").exists();
        RelyingService withCertificate = RelyingService.withCertificate(server, provider, "sandbox-rp", p12);
        RelyingService withSecret = RelyingService.withoutCertificate(server, provider, "sandbox-rp",
                "sandbox-rp-secret");
        String sandboxRedirect = "https://localhost/sandbox-rp/callback";

        Login first = login(server, "sandbox-rp", sandboxRedirect);
        OIDCTokenResponse byCertificate = success(withCertificate.exchange(first.code(), URI.create(sandboxRedirect),
                first.verifier()));
        Login second = login(server, "sandbox-rp", sandboxRedirect);
        OIDCTokenResponse bySecret = success(withSecret.exchange(second.code(), URI.create(sandboxRedirect),
                second.verifier()));

        assertThat(byCertificate.getOIDCTokens().getIDToken()).isNotNull();
        assertThat(bySecret.getOIDCTokens().getIDToken()).isNotNull();
        assertThat(boundThumbprint(bySecret.getOIDCTokens().getAccessToken().getValue()))
                .as("sandbox-rp's tokens are not bound, so that its secret works").isNull();
    }

    @Test
    void pushedAuthorizationRequestAuthenticatesTheRelyingServiceByItsCertificate(SandboxServer server)
            throws Exception {
        Registered registered = registerWithCertificate(server, "rp-par");
        RelyingService anonymous = RelyingService.withoutCertificate(server, provider, registered.clientId(), null);
        AuthenticationRequest request = authenticationRequest(registered.clientId(), REDIRECT, new CodeVerifier(),
                new Nonce());

        PushedAuthorizationResponse pushed = PushedAuthorizationResponse.parse(registered.rp().push(request));
        HTTPResponse refused = anonymous.push(request);

        assertThat(pushed.indicatesSuccess()).as(pushed.toString()).isTrue();
        assertThat(pushed.toSuccessResponse().getRequestURI().toString()).startsWith("urn:ietf:params:oauth:request_uri:");
        assertThat(refused.getStatusCode()).isEqualTo(401);
        // Keycloak's PAR endpoint answers any failed client authentication with invalid_request (RFC 9126 2.3 would
        // have invalid_client); the refusal and its reason are ours, in the event.
        assertThat(ErrorObject.parse(refused).getCode()).isIn("invalid_client", "invalid_request");
        assertThat(onboarding.events("CLIENT_LOGIN_ERROR", registered.clientId())).anySatisfy(event ->
                assertThat(event.at("/details/psc_reason").asText()).isEqualTo("no_certificate"));
    }

    @Test
    void backchannelAuthenticationAuthenticatesTheRelyingServiceByItsCertificate(SandboxServer server)
            throws Exception {
        Registered registered = registerWithCertificate(server, "rp-ciba");
        RelyingService anonymous = RelyingService.withoutCertificate(server, provider, registered.clientId(), null);

        HTTPResponse accepted = registered.rp().send(ciba(registered.rp()));
        HTTPResponse refused = anonymous.send(ciba(anonymous));

        assertThat(accepted.getStatusCode()).as("client authenticated: " + accepted.getBody()).isNotEqualTo(401);
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(ErrorObject.parse(refused).getCode()).isEqualTo("invalid_client");
    }

    // ---- bad input: every one refused with invalid_client (RFC 6749 5.2, RFC 8705 2) and a CLIENT_LOGIN_ERROR ----

    @Test
    void noCertificateIsRefused(SandboxServer server) throws Exception {
        Registered registered = registerWithCertificate(server, "rp-none");
        RelyingService rp = RelyingService.withoutCertificate(server, provider, registered.clientId(), null);

        assertRefused(rp, "no_certificate");
    }

    @Test
    void introspectionAndRevocationAuthenticateTheRelyingServiceByItsCertificateToo(SandboxServer server)
            throws Exception {
        Registered registered = registerWithCertificate(server, "rp-endpoints");
        OIDCTokenResponse tokens = loginAndExchange(server, registered);
        RelyingService anonymous = RelyingService.withoutCertificate(server, provider, registered.clientId(), null);

        HTTPResponse introspection = anonymous.introspect(tokens.getOIDCTokens().getAccessToken());
        HTTPResponse revocation = anonymous.revoke(tokens.getOIDCTokens().getRefreshToken());

        for (HTTPResponse response : List.of(introspection, revocation)) {
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(401);
            assertThat(ErrorObject.parse(response).getCode()).isEqualTo("invalid_client");
        }
        assertThat(success(registered.rp().refresh(tokens.getOIDCTokens().getRefreshToken()))).as("not revoked")
                .isNotNull();
    }

    @Test
    void cardCertificateIsNotAClientCertificate(SandboxServer server) throws Exception {
        Path card = server.dataDir().resolve("pki/cards/" + PROFESSIONAL + ".p12");
        String clientId = unique("rp-card");
        onboarding.registerOrFail(Onboarding.orgClient(clientId, REDIRECT,
                Onboarding.thumbprintBindings(pki.issueClient(ClientRequest.of(clientId)).certificate())));

        assertRefused(RelyingService.withCertificate(server, provider, clientId, card), "untrusted_issuer");
    }

    @Test
    void selfSignedLookalikeIsRefused(SandboxServer server) throws Exception {
        String clientId = unique("rp-lookalike");
        IssuedCertificate real = pki.issueClient(ClientRequest.of(clientId));
        onboarding.registerOrFail(Onboarding.orgClient(clientId, REDIRECT,
                Onboarding.subjectBindings(real.certificate())));
        IssuedCertificate forged = pki.issueLookalikeClient(ClientRequest.of(clientId));
        assertThat(forged.certificate().getSubjectX500Principal()).isEqualTo(real.certificate().getSubjectX500Principal());
        assertThat(forged.certificate().getIssuerX500Principal()).isEqualTo(real.certificate().getIssuerX500Principal());

        assertRefused(RelyingService.withCertificate(server, provider, clientId, forged.keystore()),
                "untrusted_issuer");
    }

    @Test
    void expiredCertificateIsRefused(SandboxServer server) throws Exception {
        assertRefusedWithBoundName(server, "rp-expired",
                id -> pki.issueClient(ClientRequest.of(id).withValidity(Validity.EXPIRED)), "certificate_expired");
    }

    @Test
    void revokedCertificateIsRefused(SandboxServer server) throws Exception {
        assertRefusedWithBoundName(server, "rp-revoked",
                id -> pki.issueClient(ClientRequest.of(id).withRevoked(true)), "certificate_revoked");
    }

    @Test
    void certificateWithoutTheAuthClientPolicyIsRefused(SandboxServer server) throws Exception {
        assertRefusedWithBoundName(server, "rp-nopolicy",
                id -> pki.issueClientWithoutPolicy(ClientRequest.of(id)), "policy_missing");
    }

    @Test
    void serverCertificateOfTheOrganisationsCaIsNotAClientCertificate(SandboxServer server) throws Exception {
        Path serverP12 = server.dataDir().resolve("pki/server/server.p12");
        String clientId = unique("rp-server-cert");
        onboarding.registerOrFail(Onboarding.orgClient(clientId, REDIRECT, Onboarding.subjectBindings(
                RelyingService.withCertificate(server, provider, clientId, serverP12).certificate())));

        assertRefused(RelyingService.withCertificate(server, provider, clientId, serverP12), "wrong_key_usage");
    }

    @Test
    void certificateNameWithLineBreaksReachesTheLogEscaped(SandboxServer server) throws Exception {
        Registered mine = registerWithCertificate(server, "rp-crafted");
        String marker = "forged-" + UUID.randomUUID();
        String forgedLine = "2026-12-01 09:00:00,000 INFO  [org.keycloak.events] (executor-thread-1) " + marker
                + " type=CLIENT_LOGIN, clientId=" + mine.clientId();
        IssuedCertificate crafted = pki.issueCraftedClient(mine.clientId() + "\n" + forgedLine + "\r\u2028end");

        assertRefused(RelyingService.withCertificate(server, provider, mine.clientId(), crafted.keystore()),
                "certificate_not_registered");

        assertThat(server.logLineNaming(marker)).as("the refusal's log line")
                .contains("refused: certificate_not_registered").contains("\\n2026-12-01")
                .contains("\\r\\u2028end").doesNotContain("\u2028");
        assertThat(Files.readAllLines(server.log(), StandardCharsets.UTF_8)).as("no forged line")
                .noneMatch(line -> line.startsWith(forgedLine.substring(0, 24)) && line.contains(marker));
    }

    @Test
    void certificateOfAnotherRegisteredClientIsRefused(SandboxServer server) throws Exception {
        Registered mine = registerWithCertificate(server, "rp-mine");
        Registered other = registerWithCertificate(server, "rp-other");

        assertRefused(RelyingService.withCertificate(server, provider, mine.clientId(), other.p12()),
                "certificate_not_registered");
    }

    @Test
    void renewalBindsTwoCertificatesAndEitherAuthenticates(SandboxServer server) throws Exception {
        Renewal renewal = registerDuringRenewal("rp-renewal", client -> client.put("serviceAccountsEnabled", true));

        for (Path p12 : List.of(renewal.current(), renewal.renewed())) {
            HTTPResponse response = RelyingService.withCertificate(server, provider, renewal.clientId(), p12)
                    .token(new ClientCredentialsGrant());
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        }
    }

    // ---- certificate-bound tokens (RFC 8705 3) ----

    @Test
    void boundAccessTokenWithoutItsCertificateIsRefusedAtUserinfo(SandboxServer server) throws Exception {
        Registered registered = registerWithCertificate(server, "rp-bound-ui");
        Registered thief = registerWithCertificate(server, "rp-thief-ui");
        AccessToken accessToken = loginAndExchange(server, registered).getOIDCTokens().getAccessToken();

        HTTPResponse withoutCertificate = RelyingService.withoutCertificate(server, provider, "x", null)
                .userInfo(accessToken);
        HTTPResponse withAnotherCertificate = thief.rp().userInfo(accessToken);

        for (HTTPResponse response : List.of(withoutCertificate, withAnotherCertificate)) {
            assertThat(response.getStatusCode()).isEqualTo(401);
            assertThat(response.getHeaderValue("WWW-Authenticate")).contains("invalid_token");
        }
        assertThat(registered.rp().userInfo(accessToken).getStatusCode()).isEqualTo(200);
        assertThat(onboarding.events("USER_INFO_REQUEST_ERROR", registered.clientId())).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void boundRefreshTokenWithoutItsCertificateIsRefused(SandboxServer server) throws Exception {
        Renewal renewal = registerDuringRenewal("rp-bound-rt", client -> client.put("secret", "it-sandbox-secret"));
        String clientId = renewal.clientId();
        Registered registered = new Registered(clientId, renewal.current(),
                RelyingService.withCertificate(server, provider, clientId, renewal.current()));
        Registered other = registerWithCertificate(server, "rp-other-rt");
        RefreshToken refreshToken = loginAndExchange(server, registered).getOIDCTokens().getRefreshToken();

        // The client authenticates (its sandbox secret, its renewed certificate), but the token is bound elsewhere.
        ErrorObject bySecret = error(RelyingService.withoutCertificate(server, provider, clientId, "it-sandbox-secret")
                .refresh(refreshToken));
        ErrorObject byRenewed = error(RelyingService.withCertificate(server, provider, clientId, renewal.renewed())
                .refresh(refreshToken));
        ErrorObject byAnotherClient = error(other.rp().refresh(refreshToken));
        ErrorObject unauthenticated = error(RelyingService.withoutCertificate(server, provider, clientId, null)
                .refresh(refreshToken));

        assertThat(bySecret.getCode()).isEqualTo("invalid_grant");
        assertThat(byRenewed.getCode()).isEqualTo("invalid_grant");
        assertThat(byAnotherClient.getCode()).isEqualTo("invalid_grant");
        assertThat(unauthenticated.getCode()).isEqualTo("invalid_client");
        assertThat(onboarding.events("REFRESH_TOKEN_ERROR", clientId)).anySatisfy(event ->
                assertThat(event.at("/details/client_policy_error_detail").asText()).contains("bound"));
        assertThat(success(registered.rp().refresh(refreshToken)).getOIDCTokens().getAccessToken()).isNotNull();
    }

    @Test
    void boundAccessTokenIntrospectedWithoutItsCertificateIsInactive(SandboxServer server) throws Exception {
        String clientId = unique("rp-bound-in");
        IssuedCertificate certificate = pki.issueClient(ClientRequest.of(clientId));
        onboarding.registerOrFail(Onboarding.orgClient(clientId, REDIRECT,
                Onboarding.thumbprintBindings(certificate.certificate())).put("secret", "it-sandbox-secret"));
        Registered registered = new Registered(clientId, certificate.keystore(),
                RelyingService.withCertificate(server, provider, clientId, certificate.keystore()));
        Registered other = registerWithCertificate(server, "rp-other-in");
        AccessToken accessToken = loginAndExchange(server, registered).getOIDCTokens().getAccessToken();

        boolean bySecret = introspection(RelyingService.withoutCertificate(server, provider, clientId,
                "it-sandbox-secret").introspect(accessToken)).isActive();
        boolean byAnotherClient = introspection(other.rp().introspect(accessToken)).isActive();

        assertThat(bySecret).as("the relying service's secret, without its certificate").isFalse();
        assertThat(byAnotherClient).as("another relying service with its own certificate").isFalse();
        assertThat(introspection(registered.rp().introspect(accessToken)).isActive()).isTrue();
        assertThat(onboarding.events("INTROSPECT_TOKEN_ERROR", clientId)).anySatisfy(event ->
                assertThat(event.at("/details/psc_reason").asText()).isEqualTo("bound_token_certificate_mismatch"));
    }

    // ---- helpers ----

    private record Login(AuthorizationCode code, CodeVerifier verifier, Nonce nonce) {
    }

    private record Registered(String clientId, Path p12, RelyingService rp) {
    }

    /** A relying service in the middle of a renewal: two certificates of the same name, both bound. */
    private record Renewal(String clientId, Path current, Path renewed) {
    }

    private static Renewal registerDuringRenewal(String prefix,
            java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> more) throws Exception {
        String clientId = unique(prefix);
        IssuedCertificate current = pki.issueClient(ClientRequest.of(clientId));
        // The test PKI writes a client's certificates to one file name: keep the current one aside.
        Path currentP12 = copy(current.keystore(), clientId + "-current.p12");
        IssuedCertificate renewed = pki.issueClient(ClientRequest.of(clientId));
        com.fasterxml.jackson.databind.node.ObjectNode client = Onboarding.orgClient(clientId, REDIRECT,
                Onboarding.thumbprintBindings(current.certificate(), renewed.certificate()));
        more.accept(client);
        onboarding.registerOrFail(client);
        return new Renewal(clientId, currentP12, renewed.keystore());
    }

    private interface CertificateMaker {
        IssuedCertificate issue(String clientId) throws Exception;
    }

    private static Registered registerWithCertificate(SandboxServer server, String prefix) throws Exception {
        String clientId = unique(prefix);
        IssuedCertificate certificate = pki.issueClient(ClientRequest.of(clientId));
        onboarding.registerOrFail(Onboarding.orgClient(clientId, REDIRECT,
                Onboarding.thumbprintBindings(certificate.certificate())));
        return new Registered(clientId, certificate.keystore(),
                RelyingService.withCertificate(server, provider, clientId, certificate.keystore()));
    }

    /** The client is bound by subject and issuer, so the certificate's own defect is what refuses it. */
    private static void assertRefusedWithBoundName(SandboxServer server, String prefix, CertificateMaker issuer, String reason)
            throws Exception {
        String clientId = unique(prefix);
        IssuedCertificate bad = issuer.issue(clientId);
        onboarding.registerOrFail(Onboarding.orgClient(clientId, REDIRECT, Onboarding.subjectBindings(bad.certificate())));

        assertRefused(RelyingService.withCertificate(server, provider, clientId, bad.keystore()), reason);
    }

    /** invalid_client with 401 at the token endpoint, no token, and a CLIENT_LOGIN_ERROR event naming the reason. */
    private static void assertRefused(RelyingService rp, String reason) throws Exception {
        HTTPResponse response = rp.token(new ClientCredentialsGrant());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(401);
        ErrorObject error = ErrorObject.parse(response);
        assertThat(error.getCode()).isEqualTo("invalid_client");
        assertThat(error.getDescription()).isNotBlank();
        assertThat(response.getBody()).doesNotContain("access_token");
        List<JsonNode> events = onboarding.events("CLIENT_LOGIN_ERROR", rp.clientId().getValue());
        assertThat(events).as("a CLIENT_LOGIN_ERROR event").anySatisfy(event -> {
            assertThat(event.at("/details/psc_reason").asText()).isEqualTo(reason);
            assertThat(event.at("/error").asText()).isEqualTo("invalid_client_credentials");
        });
    }

    private static Login login(SandboxServer server, String clientId) throws Exception {
        return login(server, clientId, REDIRECT);
    }

    /** The professional's part, as a browser with their card: Nimbus builds the request, the card logs in. */
    private static Login login(SandboxServer server, String clientId, String redirect) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        AuthenticationRequest request = authenticationRequest(clientId, redirect, verifier, nonce);
        CardBrowser browser = CardBrowser.withCard(server,
                server.dataDir().resolve("pki/cards/" + PROFESSIONAL + ".p12"));
        CardBrowser.Outcome page = browser.open(request.toURI());
        assertThat(page.status()).as(page.page()).isEqualTo(200);
        CardBrowser.Outcome outcome = browser.choose(page, "card");
        assertThat(outcome.redirected()).as(outcome.page()).isTrue();
        AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(outcome.location()));
        assertThat(response.indicatesSuccess()).as(outcome.location()).isTrue();
        assertThat(response.getState()).isEqualTo(request.getState());
        return new Login(response.toSuccessResponse().getAuthorizationCode(), verifier, nonce);
    }

    private static AuthenticationRequest authenticationRequest(String clientId, String redirect,
            CodeVerifier verifier, Nonce nonce) {
        return new AuthenticationRequest.Builder(new ResponseType("code"), new Scope("openid", "scope_all"),
                new com.nimbusds.oauth2.sdk.id.ClientID(clientId), URI.create(redirect))
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(new State()).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .acrValues(List.of(new ACR("eidas1")))
                .build();
    }

    private static OIDCTokenResponse loginAndExchange(SandboxServer server, Registered registered) throws Exception {
        Login login = login(server, registered.clientId());
        return success(registered.rp().exchange(login.code(), URI.create(REDIRECT), login.verifier()));
    }

    private static HTTPRequest ciba(RelyingService rp) {
        return new CIBARequest.Builder(rp.authentication(), new Scope("openid", "scope_all"))
                .endpointURI(provider.getBackChannelAuthenticationEndpointURI())
                .loginHint(PROFESSIONAL).bindingMessage("42").acrValues(List.of(new ACR("eidas1")))
                .build().toHTTPRequest();
    }

    private static OIDCTokenResponse success(HTTPResponse response) throws Exception {
        TokenResponse parsed = OIDCTokenResponseParser.parse(response);
        assertThat(parsed.indicatesSuccess()).as(response.getStatusCode() + " " + response.getBody()).isTrue();
        return (OIDCTokenResponse) parsed.toSuccessResponse();
    }

    private static ErrorObject error(HTTPResponse response) throws Exception {
        TokenResponse parsed = OIDCTokenResponseParser.parse(response);
        assertThat(parsed.indicatesSuccess()).as(response.getBody()).isFalse();
        return ((TokenErrorResponse) parsed).getErrorObject();
    }

    private static TokenIntrospectionSuccessResponse introspection(HTTPResponse response) throws Exception {
        TokenIntrospectionResponse parsed = TokenIntrospectionResponse.parse(response);
        assertThat(parsed.indicatesSuccess()).as(response.getStatusCode() + " " + response.getBody()).isTrue();
        return parsed.toSuccessResponse();
    }

    /** The {@code cnf.x5t#S256} of a token, or null; the token's signature is checked against the JWKS first. */
    private static String boundThumbprint(String jwt) throws Exception {
        JWTClaimsSet claims = verified(jwt);
        Object cnf = claims.getClaim("cnf");
        return cnf == null ? null : (String) ((java.util.Map<?, ?>) cnf).get("x5t#S256");
    }

    private static JWTClaimsSet verified(String jwt) throws Exception {
        SignedJWT signed = SignedJWT.parse(jwt);
        if (signed.getHeader().getAlgorithm().getName().startsWith("HS")) {
            // Keycloak signs its refresh tokens with the realm's HMAC key, which no relying service has.
            return signed.getJWTClaimsSet();
        }
        RSAKey key = (RSAKey) keys.getKeyByKeyId(signed.getHeader().getKeyID());
        assertThat(key).as("signing key in the JWKS").isNotNull();
        assertThat(signed.verify(new RSASSAVerifier(key))).as("signature").isTrue();
        return signed.getJWTClaimsSet();
    }

    private static Path copy(Path p12, String name) throws Exception {
        Path target = p12.resolveSibling(name);
        java.nio.file.Files.copy(p12, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
