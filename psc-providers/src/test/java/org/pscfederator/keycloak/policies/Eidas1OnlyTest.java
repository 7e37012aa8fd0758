package org.pscfederator.keycloak.policies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Eidas1OnlyTest {

    @Test
    void eidas1InAcrValuesIsAccepted() {
        assertThat(Eidas1Only.whyRefused("eidas1", null, true)).isEmpty();
        assertThat(Eidas1Only.whyRefused(" eidas1 ", null, true)).isEmpty();
    }

    @Test
    void missingAcrValuesIsRefusedOnlyWhereRequired() {
        assertThat(Eidas1Only.whyRefused(null, null, true)).hasValue("acr_values=eidas1 is required");
        assertThat(Eidas1Only.whyRefused(" ", null, true)).isPresent();
        assertThat(Eidas1Only.whyRefused(null, null, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "eidas2", "eidas1 0", "0 eidas1", "EIDAS1", "eidas1\t1"})
    void acrValuesNamingAnotherLevelAreRefused(String acrValues) {
        assertThat(Eidas1Only.whyRefused(acrValues, null, false)).hasValueSatisfying(description ->
                assertThat(description).contains("acr_values").contains("acr").contains("eidas1"));
        assertThat(Eidas1Only.whyRefused(acrValues, null, true)).isPresent();
    }

    /** OpenID Connect Core §5.5.1.1: an individual claim request may name a value or values. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"0\"]}}}",
            "{\"id_token\":{\"acr\":{\"value\":\"0\"}}}",
            "{\"id_token\":{\"acr\":{\"values\":[\"eidas1\",\"1\"]}}}",
            "{\"userinfo\":{\"acr\":{\"essential\":true,\"value\":\"0\"}}}",
            "{\"userinfo\":{\"acr\":{\"values\":[0]}}}",
            "{\"id_token\":{\"acr\":{\"value\":\"eidas1\",\"values\":[\"0\"]}}}",
            "{\"id_token\":{\"acr\":{\"values\":\"0\"}}}",
            "{\"id_token\":{\"acr\":\"0\"}}"})
    void claimsParameterNamingAnotherLevelIsRefused(String claims) {
        assertThat(Eidas1Only.whyRefused("eidas1", claims, true)).hasValueSatisfying(description ->
                assertThat(description).contains("claims").contains("acr"));
        assertThat(Eidas1Only.whyRefused(null, claims, false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"eidas1\"]}}}",
            "{\"userinfo\":{\"acr\":{\"value\":\"eidas1\"}}}",
            "{\"id_token\":{\"acr\":null,\"auth_time\":{\"essential\":true}}}",
            "{\"userinfo\":{\"given_name\":null}}",
            "{}"})
    void claimsParameterAskingEidas1OrNoLevelIsAccepted(String claims) {
        assertThat(Eidas1Only.whyRefused("eidas1", claims, true)).isEmpty();
        assertThat(Eidas1Only.whyRefused(null, claims, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[\"acr\"]", "{\"id_token\":"})
    void claimsParameterThatCannotBeCheckedIsRefused(String claims) {
        assertThat(Eidas1Only.whyRefused("eidas1", claims, true)).hasValueSatisfying(description ->
                assertThat(description).contains("claims").contains("acr"));
    }
}
