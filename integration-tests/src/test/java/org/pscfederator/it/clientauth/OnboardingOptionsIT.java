package org.pscfederator.it.clientauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.AdminTool;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ciba.AuthRequestID;
import com.nimbusds.oauth2.sdk.ciba.CIBAGrant;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * What a vendor asks of {@code psc-admin client register} beyond the code flow: CIBA through e-CPS with the service's
 * own certificate, a back-channel logout URI, and, in the sandbox only, a development server on
 * {@code http://localhost}. Each choice is visible in {@code client show}.
 */
@Tag("psc-onboarding")
@Tag("oidc-ciba")
@ExtendWith(SandboxServerExtension.class)
class OnboardingOptionsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = SandboxServer.ADMIN_PASSWORD;

    @Test
    void relyingServiceOnboardedWithCibaLogsInByCibaWithItsCertificateAndOneWithoutIsRefused(SandboxServer server)
            throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000219";
        SimulatedDevice phone = EcpsFlow.sandboxDevice(server, idNat);
        OIDCProviderMetadata provider = discovery(server);
        Registered ciba = register(server, "it-ciba", "--ciba", "--backchannel-logout-uri",
                "https://rp.example/backchannel-logout");
        Registered codeOnly = register(server, "it-code-only");

        Launcher.Result shown = AdminTool.client(server, PASSWORD, "show", "--client-id", ciba.clientId());
        assertThat(shown.stdout()).contains("CIBA:           poll mode, through e-CPS",
                "logout tokens:  https://rp.example/backchannel-logout (back-channel logout)");
        assertThat(AdminTool.client(server, PASSWORD, "show", "--client-id", codeOnly.clientId()).stdout())
                .contains("CIBA:           off");

        RelyingService refused = RelyingService.withCertificate(server, provider, codeOnly.clientId(),
                codeOnly.certificate().keystore());
        HTTPResponse notAllowed = refused.send(backchannel(server, codeOnly.clientId(), idNat));
        assertThat(notAllowed.getStatusCode()).as(notAllowed.getBody()).isBetween(400, 401);
        assertThat(notAllowed.getBody()).doesNotContain("auth_req_id");

        RelyingService rp = RelyingService.withCertificate(server, provider, ciba.clientId(),
                ciba.certificate().keystore());
        HTTPResponse started = rp.send(backchannel(server, ciba.clientId(), idNat));
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(200);
        DeviceApiClient.Pending pending = EcpsFlow.phone(server).outstanding(phone, 5).stream()
                .filter(request -> "73".equals(request.bindingMessage())).findFirst()
                .orElseThrow(() -> new AssertionError("the CIBA request did not reach the phone"));
        assertThat(EcpsFlow.phone(server).answer(phone, EcpsFlow.PIN, pending.requestId(), "73", true).body()
                .path("outcome").asText()).isEqualTo("approved");
        Thread.sleep(5_000); // the realm's CIBA polling interval
        HTTPResponse tokens = rp.token(new CIBAGrant(new AuthRequestID(
                JSON.readTree(started.getBody()).path("auth_req_id").asText())));
        assertThat(tokens.getStatusCode()).as(tokens.getBody()).isEqualTo(200);
        assertThat(JSON.readTree(tokens.getBody()).path("access_token").asText()).isNotEmpty();
    }

    /** RFC 8252 section 7.3: the sandbox takes a development server's loopback redirect; production does not. */
    @Test
    void sandboxClientWithALoopbackHttpRedirectLogsInAndProductionRefusesIt(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String redirect = "http://localhost:3000/cb";
        Registered local = register(server, "it-localhost", "--redirect-uri", redirect);
        CardBrowser browser = CardBrowser.withCard(server, server.dataDir().resolve("pki/cards/899700366240.p12"));
        CardBrowser.Request request = CardBrowser.Request.of(local.clientId(), redirect);

        CardBrowser.Outcome end = browser.loginWithCard(request);

        assertThat(end.location()).as(end.page()).startsWith(redirect + "?");
        assertThat(end.redirectParameters()).containsKey("code");
        RelyingService rp = RelyingService.withCertificate(server, discovery(server), local.clientId(),
                local.certificate().keystore());
        HTTPResponse tokens = rp.exchange(new AuthorizationCode(
                end.redirectParameters().get("code")), URI.create(redirect), new CodeVerifier(request.verifier()));
        assertThat(tokens.getStatusCode()).as(tokens.getBody()).isEqualTo(200);

        TestPki pki = TestPki.open(server.dataDir().resolve("pki"));
        ProductionRealmCopy.ensure(server, pki, ProductionRealmCopy.NAME);
        String clientId = "it-prod-localhost-" + UUID.randomUUID().toString().substring(0, 8);
        IssuedCertificate certificate = pki.issueClient(ClientRequest.of(clientId));
        Launcher.Result production = AdminTool.client(server, PASSWORD, "register", "--client-id", clientId,
                "--redirect-uri", redirect, "--cert", certificate.certificatePem().toString(),
                "--realm", ProductionRealmCopy.NAME);
        assertThat(production.exitCode()).as(production.stdout()).isEqualTo(1);
        assertThat(production.stderr()).contains("https redirect URIs only", "nothing was changed");
        assertThat(new Onboarding(server, ProductionRealmCopy.NAME).clientOrNull(clientId)).isNull();

        // Created through the admin API directly, past psc-admin: the realm's own policy refuses it too.
        Onboarding onboarding = new Onboarding(server, ProductionRealmCopy.NAME);
        HttpResponse<String> direct = onboarding.register(Onboarding.orgClient(clientId, redirect,
                Onboarding.thumbprintBindings(certificate.certificate())));
        assertThat(direct.statusCode()).as(direct.body()).isEqualTo(400);
        assertThat(direct.body()).contains("Invalid Redirect Uri");
        assertThat(onboarding.clientOrNull(clientId)).isNull();
    }

    private record Registered(String clientId, IssuedCertificate certificate) {
    }

    /** Registers a relying service with psc-admin, https://rp.example/cb unless a redirect URI is given. */
    private static Registered register(SandboxServer server, String prefix, String... options) throws Exception {
        String clientId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        IssuedCertificate certificate = TestPki.open(server.dataDir().resolve("pki"))
                .issueClient(ClientRequest.of(clientId));
        List<String> args = new ArrayList<>(List.of("register", "--client-id", clientId,
                "--cert", certificate.certificatePem().toString()));
        if (!List.of(options).contains("--redirect-uri")) {
            args.addAll(List.of("--redirect-uri", "https://rp.example/cb"));
        }
        args.addAll(List.of(options));
        Launcher.Result registered = AdminTool.client(server, PASSWORD, args.toArray(String[]::new));
        assertThat(registered.exitCode()).as(registered.stderr()).isZero();
        return new Registered(clientId, certificate);
    }

    private static HTTPRequest backchannel(SandboxServer server, String clientId, String idNat) throws Exception {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, URI.create(server.realmUrl()
                + "/protocol/openid-connect/ext/ciba/auth"));
        request.setContentType("application/x-www-form-urlencoded");
        request.setBody("client_id=" + clientId + "&login_hint=" + idNat + "&binding_message=73"
                + "&scope=openid%20scope_all&acr_values=eidas1");
        return request;
    }

    private static OIDCProviderMetadata discovery(SandboxServer server) throws Exception {
        JsonNode document = JSON.readTree(server.get(server.realmUrl() + "/.well-known/openid-configuration", null)
                .body());
        return OIDCProviderMetadata.parse(document.toString());
    }
}
