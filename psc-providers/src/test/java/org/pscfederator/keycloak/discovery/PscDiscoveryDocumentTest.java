package org.pscfederator.keycloak.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;

@Tag("psc-discovery")
class PscDiscoveryDocumentTest {

    private static final PscDiscoveryDocument.RealmOffer PRODUCTION =
            new PscDiscoveryDocument.RealmOffer(false, List.of("openid", "scope_all"));
    private static final PscDiscoveryDocument.RealmOffer SANDBOX =
            new PscDiscoveryDocument.RealmOffer(true, List.of("openid", "scope_all"));

    @Test
    void advertisesPollOnlyForCiba() {
        OIDCConfigurationRepresentation doc = keycloakDocument();
        doc.setBackchannelTokenDeliveryModesSupported(List.of("poll", "ping"));

        assertThat(PscDiscoveryDocument.apply(doc, PRODUCTION).getBackchannelTokenDeliveryModesSupported()).containsExactly("poll");
    }

    @Test
    void advertisesEidas1AsTheOnlyLevel() {
        OIDCConfigurationRepresentation doc = keycloakDocument();
        doc.setAcrValuesSupported(List.of("eidas1", "0", "1"));

        assertThat(PscDiscoveryDocument.apply(doc, PRODUCTION).getAcrValuesSupported()).containsExactly("eidas1");
    }

    @Test
    void advertisesCertificateBoundTokens() {
        OIDCConfigurationRepresentation doc = keycloakDocument();
        doc.setTlsClientCertificateBoundAccessTokens(null);

        assertThat(PscDiscoveryDocument.apply(doc, PRODUCTION).getTlsClientCertificateBoundAccessTokens()).isTrue();
    }

    @Test
    void serverWithoutTlsClientAuthIsReportedAsMisbuilt() {
        OIDCConfigurationRepresentation doc = keycloakDocument();
        doc.setTokenEndpointAuthMethodsSupported(List.of("client_secret_basic"));

        assertThatThrownBy(() -> PscDiscoveryDocument.apply(doc, PRODUCTION)).hasMessageContaining("tls_client_auth");
    }

    @Test
    void listsOnlyTlsClientAuthWhereSecretsAreRefusedThoughKeycloakOffersMore() {
        OIDCConfigurationRepresentation doc = keycloakDocument();
        doc.setTokenEndpointAuthMethodsSupported(List.of("private_key_jwt", "client_secret_basic", "client_secret_post",
                "tls_client_auth", "client_secret_jwt", "tls_client_auth"));
        doc.setTokenEndpointAuthSigningAlgValuesSupported(List.of("RS256", "HS256"));

        OIDCConfigurationRepresentation production = PscDiscoveryDocument.apply(doc, PRODUCTION);

        assertThat(production.getTokenEndpointAuthMethodsSupported()).containsExactly("tls_client_auth");
        assertThat(production.getIntrospectionEndpointAuthMethodsSupported()).containsExactly("tls_client_auth");
        assertThat(production.getRevocationEndpointAuthMethodsSupported()).containsExactly("tls_client_auth");
        assertThat(production.getTokenEndpointAuthSigningAlgValuesSupported()).isNull();
    }

    @Test
    void sandboxAddsTheTwoSecretFormsItAccepts() {
        assertThat(PscDiscoveryDocument.apply(keycloakDocument(), SANDBOX).getTokenEndpointAuthMethodsSupported())
                .containsExactly("tls_client_auth", "client_secret_basic", "client_secret_post");
    }

    @Test
    void listsCodeS256TheRealmsScopesAndPscsClaims() {
        OIDCConfigurationRepresentation doc = keycloakDocument();
        doc.setCodeChallengeMethodsSupported(List.of("plain", "S256"));
        doc.setResponseTypesSupported(List.of("code", "none", "id_token", "token", "code id_token"));
        doc.setScopesSupported(List.of("openid", "microprofile-jwt", "service_account"));

        OIDCConfigurationRepresentation document = PscDiscoveryDocument.apply(doc, PRODUCTION);

        assertThat(document.getCodeChallengeMethodsSupported()).containsExactly("S256");
        assertThat(document.getResponseTypesSupported()).containsExactly("code");
        assertThat(document.getScopesSupported()).containsExactly("openid", "scope_all");
        assertThat(document.getClaimsSupported()).contains("sub", "acr", "amr", "SubjectNameID", "SubjectRefPro",
                "SubjectRole", "otherIds");
    }

    @Test
    void sandboxSaysClientSecretsAreSandboxOnlyAndProductionSaysNothing() {
        assertThat(PscDiscoveryDocument.apply(keycloakDocument(), SANDBOX).getOtherClaims())
                .containsKey(PscDiscoveryDocument.SANDBOX_FIELD);
        assertThat(PscDiscoveryDocument.apply(keycloakDocument(), SANDBOX).getOtherClaims().get("psc_sandbox").toString())
                .contains("sandbox only");
        assertThat(PscDiscoveryDocument.apply(keycloakDocument(), PRODUCTION).getOtherClaims())
                .doesNotContainKey(PscDiscoveryDocument.SANDBOX_FIELD);
    }

    private static OIDCConfigurationRepresentation keycloakDocument() {
        OIDCConfigurationRepresentation doc = new OIDCConfigurationRepresentation();
        doc.setTokenEndpointAuthMethodsSupported(List.of("client_secret_basic", "tls_client_auth"));
        return doc;
    }
}
