package org.pscfederator.ecps.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.Headers;

class PageRequestCheckTest {

    private static final String HOST = "127.0.0.1:8450";
    private static final String ORIGIN = "http://" + HOST;

    private final PageToken token = PageToken.random();
    private final PageRequestCheck check = new PageRequestCheck(HOST, token);

    private static Headers headers(String... namesAndValues) {
        Headers headers = new Headers();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    private Map<String, String> form() {
        return Map.of(PageRequestCheck.TOKEN_FIELD, token.value(), "action", "approve", "pin", "1234");
    }

    @Test
    void thePagesOwnAnswerGoesThrough() {
        assertThat(check.refusal("POST", headers("Host", HOST, "Origin", ORIGIN, "Sec-Fetch-Site", "same-origin"),
                form())).isEmpty();
        assertThat(check.refusal("POST", headers("Host", HOST, "Origin", ORIGIN), form()))
                .as("a browser that does not send Sec-Fetch-Site").isEmpty();
        assertThat(check.refusal("GET", headers("Host", HOST), Map.of())).isEmpty();
    }

    @Test
    void crossSiteApprovalIsRefused() {
        assertThat(check.refusal("POST", headers("Host", HOST, "Origin", "https://evil.example",
                "Sec-Fetch-Site", "cross-site"), form())).get().asString().contains("Origin");
        assertThat(check.refusal("POST", headers("Host", HOST, "Origin", "null"), form())).isPresent();
        assertThat(check.refusal("POST", headers("Host", HOST), form())).as("no Origin").isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cross-site", "same-site", "none"})
    void aBrowserSayingTheRequestComesFromElsewhereIsRefused(String site) {
        assertThat(check.refusal("POST", headers("Host", HOST, "Origin", ORIGIN, "Sec-Fetch-Site", site), form()))
                .get().asString().contains("Sec-Fetch-Site");
    }

    @Test
    void approvalWithoutThePagesTokenIsRefused() {
        Headers sameOrigin = headers("Host", HOST, "Origin", ORIGIN, "Sec-Fetch-Site", "same-origin");

        assertThat(check.refusal("POST", sameOrigin, Map.of("action", "approve", "pin", "1234")))
                .get().asString().contains("token");
        assertThat(check.refusal("POST", sameOrigin, Map.of(PageRequestCheck.TOKEN_FIELD,
                PageToken.random().value()))).as("another start's token").isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:8450", "evil.example", "127.0.0.1:8451", "127.0.0.1", "localhost:8450"})
    void anotherHostIsRefusedEvenForAGet(String host) {
        assertThat(check.refusal("GET", headers("Host", host), Map.of())).get().asString().contains("Host");
        assertThat(check.refusal("POST", headers("Host", host, "Origin", "http://" + host), form())).isPresent();
    }

    @Test
    void aMissingOrRepeatedHeaderIsRefused() {
        assertThat(check.refusal("GET", headers(), Map.of())).as("no Host").isPresent();
        assertThat(check.refusal("GET", headers("Host", HOST, "Host", "evil.example"), Map.of())).isPresent();
        assertThat(check.refusal("POST", headers("Host", HOST, "Origin", ORIGIN, "Origin", "https://evil.example"),
                form())).isPresent();
        assertThat(check.refusal("POST", headers("Host", HOST, "Origin", ORIGIN, "Sec-Fetch-Site", "same-origin",
                "Sec-Fetch-Site", "cross-site"), form())).isPresent();
    }
}
