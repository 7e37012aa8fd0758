package org.pscfederator.demorp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PscFlowPartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "https://localhost:8443/auth/realms/esante-wallet";

    private static JsonNode discovery(String issuer) throws Exception {
        String oidc = REALM + "/protocol/openid-connect";
        return JSON.readTree("""
                {"issuer":"%s","authorization_endpoint":"%s/auth","token_endpoint":"%s/token",
                 "userinfo_endpoint":"%s/userinfo","end_session_endpoint":"%s/logout","jwks_uri":"%s/certs",
                 "mtls_endpoint_aliases":{"token_endpoint":"https://mtls.localhost/token",
                 "userinfo_endpoint":"https://mtls.localhost/userinfo"}}""".formatted(issuer, oidc, oidc, oidc, oidc,
                oidc));
    }

    @Test
    void discoveryGivesTheMtlsAliasesAndRefusesAnotherIssuer() throws Exception {
        PscEndpoints endpoints = PscEndpoints.from(discovery(REALM), REALM);

        assertThat(endpoints.mtlsToken()).hasToString("https://mtls.localhost/token");
        assertThat(endpoints.mtlsUserinfo()).hasToString("https://mtls.localhost/userinfo");
        assertThat(endpoints.token()).hasToString(REALM + "/protocol/openid-connect/token");
        assertThatThrownBy(() -> PscEndpoints.from(discovery("https://evil.example/realms/esante-wallet"), REALM))
                .hasMessageContaining("names issuer");
    }

    @Test
    void theAuthorizationRequestIsPscsWithFreshStateNonceAndPkce() throws Exception {
        PscEndpoints endpoints = PscEndpoints.from(discovery(REALM), REALM);
        LoginAttempt attempt = LoginAttempt.start();

        URI url = URI.create(attempt.authorizationUrl(endpoints, "sandbox-rp", "https://localhost:8444/callback"));

        assertThat(url.getRawQuery()).contains("response_type=code", "client_id=sandbox-rp",
                "redirect_uri=https%3A%2F%2Flocalhost%3A8444%2Fcallback", "scope=openid+scope_all",
                "acr_values=eidas1", "state=" + attempt.state(), "nonce=" + attempt.nonce(),
                "code_challenge_method=S256", "code_challenge=" + attempt.codeChallenge());
        assertThat(url.getRawQuery()).doesNotContain(attempt.codeVerifier());
        assertThat(Base64.getUrlDecoder().decode(attempt.codeChallenge())).isEqualTo(MessageDigest
                .getInstance("SHA-256").digest(attempt.codeVerifier().getBytes(StandardCharsets.US_ASCII)));
        assertThat(LoginAttempt.start().state()).isNotEqualTo(attempt.state());
        assertThat(attempt.codeVerifier().length()).isBetween(43, 128);
    }

    @Test
    void theClaimsPageShowsTheProfessionalWithLabelsAndEscapes() throws Exception {
        JsonNode userinfo = JSON.readTree("""
                {"given_name":"KIT","family_name":"DOC<0036624>","SubjectNameID":"899700366240",
                 "SubjectRefPro":{"exercices":[{"codeProfession":"10","codeCategorieProfessionnelle":"C",
                   "codeSavoirFaire":"SM26","activities":[{"raisonSocialeSite":"CABINET M DOC0036624",
                   "identifiantTechniqueDeLaStructure":"R95141","codeSecteurDactivite":"SA07",
                   "codeModeExercice":"L","bureauCedex":"75009 PARIS"}]}]}}""");

        Professional professional = Professional.from(userinfo);
        String page = Pages.professional(professional, userinfo.toString());

        assertThat(professional.practices().get(0).profession()).isEqualTo("10 (Médecin)");
        assertThat(professional.practices().get(0).activities().get(0).mode()).startsWith("L (Lib");
        assertThat(page).contains("KIT DOC&lt;0036624&gt;", "899700366240", "10 (Médecin)", "CABINET M DOC0036624",
                "R95141", "SA07", "75009 PARIS", "Se déconnecter").doesNotContain("<0036624>");
    }
}
