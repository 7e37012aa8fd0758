package org.pscfederator.keycloak.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;

class PscDiscoveryDocumentTest {

    @Test
    void advertisesPollOnlyForCiba() {
        OIDCConfigurationRepresentation doc = keycloakDocument();
        doc.setBackchannelTokenDeliveryModesSupported(List.of("poll", "ping"));

        assertThat(PscDiscoveryDocument.apply(doc).getBackchannelTokenDeliveryModesSupported()).containsExactly("poll");
    }

    @Test
    void advertisesEidas1AsTheOnlyLevel() {
        OIDCConfigurationRepresentation doc = keycloakDocument();
        doc.setAcrValuesSupported(List.of("eidas1", "0", "1"));

        assertThat(PscDiscoveryDocument.apply(doc).getAcrValuesSupported()).containsExactly("eidas1");
    }

    @Test
    void advertisesCertificateBoundTokens() {
        OIDCConfigurationRepresentation doc = keycloakDocument();
        doc.setTlsClientCertificateBoundAccessTokens(null);

        assertThat(PscDiscoveryDocument.apply(doc).getTlsClientCertificateBoundAccessTokens()).isTrue();
    }

    @Test
    void serverWithoutTlsClientAuthIsReportedAsMisbuilt() {
        OIDCConfigurationRepresentation doc = keycloakDocument();
        doc.setTokenEndpointAuthMethodsSupported(List.of("client_secret_basic"));

        assertThatThrownBy(() -> PscDiscoveryDocument.apply(doc)).hasMessageContaining("tls_client_auth");
    }

    @Test
    void listsTlsClientAuthOnceThoughTwoAuthenticatorsOfferIt() {
        OIDCConfigurationRepresentation doc = keycloakDocument();
        doc.setTokenEndpointAuthMethodsSupported(List.of("client_secret_basic", "tls_client_auth", "tls_client_auth"));

        assertThat(PscDiscoveryDocument.apply(doc).getTokenEndpointAuthMethodsSupported())
                .containsExactly("client_secret_basic", "tls_client_auth");
    }

    @Test
    void sandboxSaysClientSecretsAreSandboxOnlyAndProductionSaysNothing() {
        assertThat(PscDiscoveryDocument.apply(keycloakDocument(), true).getOtherClaims())
                .containsKey(PscDiscoveryDocument.SANDBOX_FIELD);
        assertThat(PscDiscoveryDocument.apply(keycloakDocument(), true).getOtherClaims().get("psc_sandbox").toString())
                .contains("sandbox only");
        assertThat(PscDiscoveryDocument.apply(keycloakDocument(), false).getOtherClaims())
                .doesNotContainKey(PscDiscoveryDocument.SANDBOX_FIELD);
    }

    private static OIDCConfigurationRepresentation keycloakDocument() {
        OIDCConfigurationRepresentation doc = new OIDCConfigurationRepresentation();
        doc.setTokenEndpointAuthMethodsSupported(List.of("client_secret_basic", "tls_client_auth"));
        return doc;
    }
}
