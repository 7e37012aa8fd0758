package org.pscfederator.ecps.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageTokenTest {

    @Test
    void matchesOnlyItsOwnValue() {
        PageToken token = PageToken.random();

        assertThat(token.matches(token.value())).isTrue();
        assertThat(token.matches(token.value() + "x")).isFalse();
        assertThat(token.matches(token.value().substring(1))).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void eachStartDrawsANewUnguessableValue() {
        PageToken first = PageToken.random();
        PageToken second = PageToken.random();

        assertThat(first.value()).isNotEqualTo(second.value()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(first.matches(second.value())).isFalse();
    }
}
