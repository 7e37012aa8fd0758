package org.pscfederator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The front refuses what Keycloak would refuse mid-body, before any of it is sent on. */
class TlsFrontTest {

    @Test
    void aBodyOverKeycloaksLimitIsRefusedByItsLength() {
        assertThat(TlsFront.overBodyLimit(Long.toString(TlsFront.MAX_BODY_BYTES + 1))).isTrue();
        assertThat(TlsFront.overBodyLimit(Long.toString(TlsFront.MAX_BODY_BYTES))).isFalse();
        assertThat(TlsFront.overBodyLimit(null)).isFalse();
        assertThat(TlsFront.overBodyLimit("12x")).as("left to Keycloak").isFalse();
    }
}
