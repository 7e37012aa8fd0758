package org.pscfederator.keycloak.realm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The server's PSC realm name: a realm name, or the server does not start. */
class ConfiguredPscRealmFactoryTest {

    @Test
    void aRealmNameIsTaken() {
        assertThat(ConfiguredPscRealmFactory.validName(" esante-wallet ")).isEqualTo("esante-wallet");
    }

    @Test
    void anythingElseStopsTheServerNamingTheOption() {
        assertThatThrownBy(() -> ConfiguredPscRealmFactory.validName(""))
                .hasMessageContaining("spi-psc-realm--configured--name");
        assertThatThrownBy(() -> ConfiguredPscRealmFactory.validName("a/b\nc"))
                .hasMessageContaining("a/b?c");
    }
}
