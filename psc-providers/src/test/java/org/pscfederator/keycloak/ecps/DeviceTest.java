package org.pscfederator.keycloak.ecps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class DeviceTest {

    @Test
    void aDeviceIdIsNamedAsGiven() {
        String id = UUID.randomUUID().toString();

        assertThat(Device.wellFormedId(id)).contains(id);
    }

    @Test
    void whatIsNotShapedLikeADeviceIdNamesNoDevice() {
        assertThat(Device.wellFormedId(null)).isEmpty();
        assertThat(Device.wellFormedId("")).isEmpty();
        assertThat(Device.wellFormedId("abc\ndef")).isEmpty();
        assertThat(Device.wellFormedId("../devices")).isEmpty();
        assertThat(Device.wellFormedId("a".repeat(65))).isEmpty();
    }
}
