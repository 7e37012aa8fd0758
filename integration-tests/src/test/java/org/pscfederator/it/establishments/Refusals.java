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

    /**
     * The page still offers PSC's own means: the card and e-CPS tabs on the page itself, or a link that starts the
     * login again on PSC's login page, which shows them.
     */
    static void assertOtherMeansOffered(DelegatedLogin login, CardBrowser.Outcome page) throws Exception {
        if (page.page().contains("id=\"psc-login-form\"") && page.page().contains("id=\"psc-ecps-identifier\"")) {
            return;
        }
        java.util.regex.Matcher restart = java.util.regex.Pattern.compile(
                "<a id=\"psc-establishment-restart\"[^>]*href=\"([^\"]+)\"").matcher(page.page());
        assertThat(restart.find()).as("the card and e-CPS offered, or a link back to them:\n" + page.page()).isTrue();
        CardBrowser.Outcome again = login.visit(restart.group(1).replace("&amp;", "&"));
        assertThat(again.page()).contains("id=\"psc-login-form\"").contains("id=\"psc-ecps-identifier\"");
    }

    /** The refused login left no PSC session: a next authorization request shows PSC's login page. */
    static void assertNoToken(DelegatedLogin login) throws Exception {
        CardBrowser.Outcome next = login.browser().open(CardBrowser.Request.of(DelegatedLogin.CLIENT,
                DelegatedLogin.REDIRECT));
        assertThat(next.redirected()).as("no PSC session: " + next.location()).isFalse();
        assertThat(next.page()).contains("id=\"psc-login-form\"");
    }
}
