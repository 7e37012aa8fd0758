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

    @Test
    void anAuthorizationEndpointIsAnHttpsUrlOrNothing() {
        assertThat(ConfiguredPscRealmFactory.validEndpoint(null)).isEmpty();
        assertThat(ConfiguredPscRealmFactory.validEndpoint(" https://wallet.example.org/auth "))
                .contains("https://wallet.example.org/auth");
    }

    @Test
    void aBadAuthorizationEndpointStopsTheServerNamingTheOption() {
        for (String bad : new String[] {"http://wallet.example.org/auth", "https://wallet.example.org/auth?x=1",
                "https://user@wallet.example.org/auth", "/auth", "https://wallet.example.org/auth#top"}) {
            assertThatThrownBy(() -> ConfiguredPscRealmFactory.validEndpoint(bad)).as(bad)
                    .hasMessageContaining("spi-psc-realm--configured--authorization-endpoint");
        }
    }
}
