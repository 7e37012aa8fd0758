package org.pscfederator.keycloak.ecps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdNatInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"899700366240", " 899700366240 ", "0759960011", "3500000001815646/CPAT00045",
            "ans20240101120000"})
    void identifiersAreAcceptedUpperCased(String typed) {
        assertThat(IdNatInput.parse(typed)).hasValueSatisfying(value ->
                assertThat(value).isEqualTo(typed.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "899700366240' OR '1'='1", "<script>", "../../etc/passwd", "8997%00",
            "a/b/c", "/123", "123/", "899700366240\r\nX: y", "${jndi:ldap://x}",
            "1234567890123456789012345678901234567890123"})
    void anythingElseIsRefused(String typed) {
        assertThat(IdNatInput.parse(typed)).isEmpty();
    }
}
