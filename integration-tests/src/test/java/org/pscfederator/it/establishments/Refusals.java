package org.pscfederator.it.establishments;

import static org.assertj.core.api.Assertions.assertThat;

import org.pscfederator.it.harness.CardBrowser;

/** What a professional sees of a refused delegated login or pairing, and what was not let in. */
final class Refusals {

    private Refusals() {
    }

    /** A French page saying why (its reason code on the page for the support desk), no code for the service. */
    static void assertRefusedInFrench(CardBrowser.Outcome outcome, String reason, String french) {
        assertThat(outcome.location() == null || !outcome.location().startsWith(DelegatedLogin.REDIRECT))
                .as("no redirect to the relying service: " + outcome.location()).isTrue();
        assertThat(outcome.page()).as("a French page").contains("lang=\"fr\"").contains(french);
        if (reason != null) {
            assertThat(outcome.page()).contains("data-reason=\"" + reason + "\"");
        }
    }

    /** A French page from Keycloak's brokering itself (the provider's answer refused before PSC's checks). */
    static void assertBrokerErrorInFrench(CardBrowser.Outcome outcome) {
        assertThat(outcome.location() == null || !outcome.location().startsWith(DelegatedLogin.REDIRECT))
                .as("no redirect to the relying service: " + outcome.location()).isTrue();
        assertThat(outcome.status()).as(outcome.page()).isGreaterThanOrEqualTo(400);
        assertThat(outcome.page()).contains("lang=\"fr\"");
    }

    /** The refused login left no PSC session: a next authorization request shows PSC's login page. */
    static void assertNoToken(DelegatedLogin login) throws Exception {
        CardBrowser.Outcome next = login.browser().open(CardBrowser.Request.of(DelegatedLogin.CLIENT,
                DelegatedLogin.REDIRECT));
        assertThat(next.redirected()).as("no PSC session: " + next.location()).isFalse();
        assertThat(next.page()).contains("id=\"psc-login-form\"");
    }
}
