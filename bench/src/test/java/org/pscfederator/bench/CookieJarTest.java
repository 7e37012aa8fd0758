package org.pscfederator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CookieJarTest {

    @Test
    void cookiesAreSentBackByNameWithTheirLatestValue() {
        CookieJar jar = new CookieJar();
        assertThat(jar.header()).isNull();
        jar.absorb("AUTH_SESSION_ID=abc.node1; Version=1; Path=/auth/realms/esante-wallet/; SameSite=None; Secure; HttpOnly");
        jar.absorb("KC_RESTART=eyJ; Path=/auth/realms/esante-wallet/; HttpOnly");
        jar.absorb("AUTH_SESSION_ID=def.node1; Path=/auth/realms/esante-wallet/");
        assertThat(jar.header()).isEqualTo("AUTH_SESSION_ID=def.node1; KC_RESTART=eyJ");
    }

    @Test
    void expiredCookiesAreDropped() {
        CookieJar jar = new CookieJar();
        jar.absorb("KC_RESTART=eyJ; Path=/");
        jar.absorb("A=1; Path=/");
        jar.absorb("KC_RESTART=; Version=1; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/");
        jar.absorb("A=; Expires=Thu, 01-Jan-1970 00:00:10 GMT; Path=/");
        assertThat(jar.isEmpty()).isTrue();
    }
}
