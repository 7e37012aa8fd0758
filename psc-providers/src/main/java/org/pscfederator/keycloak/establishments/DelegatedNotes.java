package org.pscfederator.keycloak.establishments;

import org.keycloak.sessions.AuthenticationSessionModel;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.keycloak.claims.PscAmr;

/**
 * The user session notes of a delegated login, which the token mappers read: the amr PSC states ({@code fed} and
 * the values counted), the establishment's alias ({@code psc_establishment}) and the means. Without them a brokered
 * session gets neither acr nor amr.
 */
final class DelegatedNotes {

    private DelegatedNotes() {
    }

    static void set(AuthenticationSessionModel authSession, BrokeredLogin login) {
        authSession.setUserSessionNote(PscAmr.USER_SESSION_NOTE, login.verdict().delegatedAmrNote());
        authSession.setUserSessionNote(PscAmr.ESTABLISHMENT_NOTE, login.alias());
        authSession.setUserSessionNote(EventDetail.MEANS.wire(), EstablishmentEvents.MEANS);
    }
}
