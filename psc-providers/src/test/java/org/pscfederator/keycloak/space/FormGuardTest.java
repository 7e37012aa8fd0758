package org.pscfederator.keycloak.space;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The space's forged-post rule: the session's token, the space's own origin, a same-origin fetch. */
@Tag("psc-space")
class FormGuardTest {

    private static final String OWN = "https://psc.example:8443";
    private static final String TOKEN = "s3cr3t-token-of-the-session";

    @Test
    void postFromTheSpaceWithTheSessionsTokenIsAllowed() {
        assertThat(FormGuard.allows(TOKEN, OWN, OWN, null, TOKEN)).isTrue();
        assertThat(FormGuard.allows(TOKEN, OWN, OWN, "same-origin", TOKEN)).isTrue();
    }

    @Test
    void missingOrWrongTokenIsRefused() {
        assertThat(FormGuard.allows(TOKEN, OWN, OWN, null, null)).isFalse();
        assertThat(FormGuard.allows(TOKEN, OWN, OWN, null, TOKEN + "x")).isFalse();
        assertThat(FormGuard.allows(TOKEN, OWN, OWN, null, "")).isFalse();
        assertThat(FormGuard.allows(null, OWN, OWN, null, "")).as("a session that never drew a token").isFalse();
        assertThat(FormGuard.allows("", OWN, OWN, null, "")).isFalse();
    }

    @Test
    void foreignOrMissingOriginIsRefused() {
        assertThat(FormGuard.allows(TOKEN, OWN, null, null, TOKEN)).isFalse();
        assertThat(FormGuard.allows(TOKEN, OWN, "https://evil.example", null, TOKEN)).isFalse();
        assertThat(FormGuard.allows(TOKEN, OWN, "https://psc.example", null, TOKEN)).as("another port").isFalse();
        assertThat(FormGuard.allows(TOKEN, OWN, "null", null, TOKEN)).as("an opaque origin alone").isFalse();
        assertThat(FormGuard.allows(TOKEN, OWN, "https://evil.example", "same-origin", TOKEN)).isFalse();
    }

    /** Under Referrer-Policy: no-referrer a browser's form post says Origin: null, and Sec-Fetch-Site vouches. */
    @Test
    void opaqueOriginIsAllowedOnlyWhenTheBrowserSaysSameOrigin() {
        assertThat(FormGuard.allows(TOKEN, OWN, "null", "same-origin", TOKEN)).isTrue();
        assertThat(FormGuard.allows(TOKEN, OWN, null, "same-origin", TOKEN)).isTrue();
        assertThat(FormGuard.allows(TOKEN, OWN, "null", "cross-site", TOKEN)).isFalse();
        assertThat(FormGuard.allows(TOKEN, OWN, "null", "same-site", TOKEN)).isFalse();
        assertThat(FormGuard.allows(TOKEN, OWN, "null", "same-origin", "forged")).isFalse();
    }

    @Test
    void crossSiteFetchIsRefusedEvenWithTheToken() {
        assertThat(FormGuard.allows(TOKEN, OWN, OWN, "cross-site", TOKEN)).isFalse();
        assertThat(FormGuard.allows(TOKEN, OWN, OWN, "same-site", TOKEN)).isFalse();
        assertThat(FormGuard.allows(TOKEN, OWN, OWN, "none", TOKEN)).isFalse();
    }
}
