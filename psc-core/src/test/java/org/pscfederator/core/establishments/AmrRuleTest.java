package org.pscfederator.core.establishments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("psc-establishments")
class AmrRuleTest {

    private static final AmrRule SANDBOX = AmrRule.parse("pwd", "otp hwk swk");

    @Test
    void allOfAndOneOfAnyOfMeetTheRule() {
        AmrVerdict verdict = SANDBOX.verdict(List.of("pwd", "otp"));
        assertThat(verdict.isMet()).isTrue();
        assertThat(verdict.counted()).containsExactly("pwd", "otp");
    }

    @Test
    void onlyTheValuesTheRuleCountsAreKept() {
        assertThat(SANDBOX.verdict(List.of("kba", "otp", "pwd", "otp")).counted()).containsExactly("otp", "pwd");
    }

    @Test
    void aMissingAllOfValueIsNotMet() {
        assertThat(SANDBOX.verdict(List.of("otp")).outcome()).isEqualTo(AmrVerdict.Outcome.NOT_MET);
    }

    @Test
    void noAnyOfValueIsNotMet() {
        assertThat(SANDBOX.verdict(List.of("pwd")).outcome()).isEqualTo(AmrVerdict.Outcome.NOT_MET);
        assertThat(SANDBOX.verdict(List.of("pwd")).refusal()).contains(EstablishmentRefusal.AMR_NOT_MET);
    }

    @Test
    void anArrayFromJsonIsRead() throws Exception {
        Object claim = new ObjectMapper().readTree("[\"pwd\",\"hwk\"]");
        assertThat(SANDBOX.verdict(claim).isMet()).isTrue();
        assertThat(SANDBOX.verdict(new String[] {"pwd", "swk"}).isMet()).isTrue();
    }

    @Test
    void anAbsentClaimOrOneOfTheWrongTypeIsInvalid() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Object claim : new Object[] {null, "pwd otp", 42, Map.of("pwd", "otp"), List.of(),
            List.of("pwd", 1), List.of("pwd", List.of("otp")), json.readTree("[\"pwd\",1]"),
            json.readTree("\"pwd\""), List.of("pwd", "o tp"), java.util.Collections.nCopies(33, "pwd")}) {
            AmrVerdict verdict = SANDBOX.verdict(claim);
            assertThat(verdict.outcome()).as(String.valueOf(claim)).isEqualTo(AmrVerdict.Outcome.INVALID);
            assertThat(verdict.refusal()).contains(EstablishmentRefusal.AMR_INVALID);
        }
    }

    @Test
    void aRuleOfBadValuesIsRefused() {
        assertThatThrownBy(() -> AmrRule.parse("pwd", "otp;hwk")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AmrRule.parse(" ", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVerdictSurvivesItsTwoStrings() {
        AmrVerdict met = SANDBOX.verdict(List.of("pwd", "otp"));
        assertThat(AmrVerdict.read(met.outcome().wire(), met.countedWire())).contains(met);
        AmrVerdict notMet = SANDBOX.verdict(List.of("pwd"));
        assertThat(AmrVerdict.read(notMet.outcome().wire(), notMet.countedWire())).contains(notMet);
    }

    @Test
    void aMalformedVerdictIsNoVerdict() {
        assertThat(AmrVerdict.read(null, "pwd")).isEmpty();
        assertThat(AmrVerdict.read("MET", "pwd")).isEmpty();
        assertThat(AmrVerdict.read("met", "")).isEmpty();
        assertThat(AmrVerdict.read("met", "pwd  otp")).isEmpty();
        assertThat(AmrVerdict.read("not_met", "pwd")).isEmpty();
    }

    @Test
    void theDelegatedAmrStartsWithTheMarker() {
        List<String> amr = DelegatedAmr.of(SANDBOX.verdict(List.of("otp", "pwd")));
        assertThat(amr).containsExactly("fed", "otp", "pwd");
        assertThat(DelegatedAmr.isDelegated(amr)).isTrue();
        assertThat(DelegatedAmr.isDelegated(List.of("sc", "pin", "mfa"))).isFalse();
    }

    @Test
    void aProviderAssertingTheMarkerDoesNotDoubleIt() {
        AmrRule rule = AmrRule.parse("fed", "otp");
        assertThat(DelegatedAmr.of(rule.verdict(List.of("fed", "otp")))).containsExactly("fed", "otp");
    }

    @Test
    void onlyAMetVerdictMakesADelegatedAmr() {
        assertThatThrownBy(() -> DelegatedAmr.of(SANDBOX.verdict(List.of("pwd"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
