package org.pscfederator.demorp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** OpenID Connect Back-Channel Logout 1.0 section 2.7: which of the demo's sessions a logout token ends. */
@Tag("psc-logout")
class SessionsTest {

    private final Sessions sessions = new Sessions();

    private Sessions.Session loggedIn(String sid, String sub) {
        Sessions.Session session = new Sessions.Session();
        session.idToken = "token";
        session.pscSessionId = sid;
        session.subject = sub;
        sessions.create(session);
        return session;
    }

    @Test
    void aSessionIdEndsThatSessionOnly() {
        Sessions.Session first = loggedIn("sid-1", "sub-a");
        Sessions.Session second = loggedIn("sid-2", "sub-a");

        assertThat(sessions.endNamedBy("sid-1", "sub-a")).isEqualTo(1);

        assertThat(first.loggedOut).isTrue();
        assertThat(first.idToken).isNull();
        assertThat(second.loggedOut).isFalse();
        assertThat(second.idToken).isEqualTo("token");
    }

    @Test
    void aSessionIdOfAnotherSubjectEndsNothing() {
        Sessions.Session session = loggedIn("sid-1", "sub-a");

        assertThat(sessions.endNamedBy("sid-1", "sub-b")).isZero();
        assertThat(sessions.endNamedBy("sid-9", null)).isZero();

        assertThat(session.loggedOut).isFalse();
    }

    @Test
    void aSubjectAloneEndsEveryOneOfItsSessions() {
        Sessions.Session first = loggedIn("sid-1", "sub-a");
        Sessions.Session second = loggedIn("sid-2", "sub-a");
        Sessions.Session other = loggedIn("sid-3", "sub-b");

        assertThat(sessions.endNamedBy(null, "sub-a")).isEqualTo(2);

        assertThat(first.loggedOut).isTrue();
        assertThat(second.loggedOut).isTrue();
        assertThat(other.loggedOut).isFalse();
    }
}
