package org.pscfederator.keycloak.space;

import java.util.List;

import org.keycloak.models.UserSessionModel;
import org.pscfederator.core.events.EventDetail;

/** One of the professional's open login sessions. Getters, for the page's template. */
public final class SessionRow {

    private final UserSessionModel userSession;
    private final boolean current;

    SessionRow(UserSessionModel userSession, boolean current) {
        this.userSession = userSession;
        this.current = current;
    }

    public String getStarted() {
        return ParisTime.ofMillis(userSession.getStarted() * 1000L);
    }

    public String getLastActivity() {
        return ParisTime.ofMillis(userSession.getLastSessionRefresh() * 1000L);
    }

    public String getAddress() {
        return userSession.getIpAddress();
    }

    public String getMeans() {
        return userSession.getNote(EventDetail.MEANS.wire());
    }

    public List<String> getServices() {
        return userSession.getAuthenticatedClientSessions().values().stream()
                .map(client -> ServiceName.of(client.getClient())).sorted().toList();
    }

    public boolean isCurrent() {
        return current;
    }
}
