package org.pscfederator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeExchangeTest {
    private static final String REDIRECT = "https://localhost/bench/callback";

    @Test
    void callbackMustBeTheRedirectUriItself() {
        assertThat(CodeExchange.isCallback(REDIRECT + "?state=s&code=c", REDIRECT)).isTrue();
        assertThat(CodeExchange.isCallback(REDIRECT + "#state=s", REDIRECT)).isTrue();
        assertThat(CodeExchange.isCallback(REDIRECT + "evil?code=c", REDIRECT)).isFalse();
        assertThat(CodeExchange.isCallback("https://localhost/other?code=c", REDIRECT)).isFalse();
    }

    @Test
    void callbackParametersAreDecoded() {
        Map<String, String> params = CodeExchange.query(
                REDIRECT + "?state=a%2Bb&session_state=x&iss=https%3A%2F%2Flocalhost%2Fauth&code=c.d.e");
        assertThat(params).containsEntry("state", "a+b").containsEntry("code", "c.d.e")
                .containsEntry("iss", "https://localhost/auth");
    }

    @Test
    void formBodyIsUrlEncoded() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", "bench.password");
        fields.put("password", "a&b=c d");
        fields.put("credentialId", "");
        assertThat(PasswordLoginFlow.formBody(fields))
                .isEqualTo("username=bench.password&password=a%26b%3Dc+d&credentialId=");
    }
}
