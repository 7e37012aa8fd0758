package org.pscfederator.keycloak.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedTextTest {

    @Test
    void plainTextIsKeptAsItIs() {
        assertThat(LoggedText.of("CN=899700366240, O=Cabinet Dupré, C=FR")).isEqualTo(
                "CN=899700366240, O=Cabinet Dupré, C=FR");
    }

    @Test
    void lineBreaksCannotStartALineOfTheirOwn() {
        String forged = "899700366240\n2026-01-01 INFO [org.keycloak] user admin logged in\r\nX";

        String logged = LoggedText.of(forged);

        assertThat(logged).doesNotContain("\n").doesNotContain("\r")
                .isEqualTo("899700366240\\n2026-01-01 INFO [org.keycloak] user admin logged in\\r\\nX");
    }

    @Test
    void otherControlAndLineSeparatorCharactersAreEscaped() {
        assertThat(LoggedText.of("a\tb\u0000c\u001b[31md\u0085e\u2028f\u2029g\u202eh\u007f"))
                .isEqualTo("a\\tb\\u0000c\\u001b[31md\\u0085e\\u2028f\\u2029g\\u202eh\\u007f");
    }

    @Test
    void aBackslashIsDoubledSoThatAnEscapeCannotBeForged() {
        assertThat(LoggedText.of("a\\nb")).isEqualTo("a\\\\nb");
    }

    @Test
    void longTextIsCutAndSaysHowMuchWasLeftOut() {
        String logged = LoggedText.of("x".repeat(LoggedText.MAX_LENGTH + 42));

        assertThat(logged).startsWith("x".repeat(LoggedText.MAX_LENGTH))
                .endsWith("...(42 more characters)").hasSize(LoggedText.MAX_LENGTH + 23);
    }

    @Test
    void nullIsWrittenAsNull() {
        assertThat(LoggedText.of(null)).isEqualTo("null");
    }
}
