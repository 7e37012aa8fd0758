package org.pscfederator.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProxyCertificateLookupTest {

    @Test
    void headerIsBelievedOnlyFromATrustedProxy() {
        assertThat(ProxyCertificateLookup.fromTrustedProxy(true, true, "true")).isTrue();
        assertThat(ProxyCertificateLookup.fromTrustedProxy(true, false, "false")).isFalse();
    }

    /** Without proxy-trusted-addresses Keycloak calls every sender trusted, and a client can send the marker itself. */
    @Test
    void headerIsNeverBelievedWithoutConfiguredTrustedProxies() {
        assertThat(ProxyCertificateLookup.fromTrustedProxy(false, true, "true")).isFalse();
        assertThat(ProxyCertificateLookup.fromTrustedProxy(false, true, null)).isFalse();
    }

    @Test
    void missingMarkerIsNotTrust() {
        assertThat(ProxyCertificateLookup.fromTrustedProxy(true, true, null)).isFalse();
        assertThat(ProxyCertificateLookup.fromTrustedProxy(true, true, "yes")).isFalse();
    }
}
