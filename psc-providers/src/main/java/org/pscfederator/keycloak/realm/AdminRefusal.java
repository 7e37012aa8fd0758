package org.pscfederator.keycloak.realm;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.Errors;
import org.pscfederator.core.events.Refusal;
import org.pscfederator.keycloak.http.JsonAnswer;

/**
 * Why an admin call of ours was refused ({@link RealmAdminCheck}): the {@code error} of the answer and the
 * {@code psc_reason} of the event where one is recorded.
 */
public enum AdminRefusal implements Refusal {
    /** No bearer token, or one valid neither in the PSC realm nor in the master realm (another realm's admin). */
    ADMIN_TOKEN_REQUIRED(401, Errors.INVALID_TOKEN),
    /** A valid token of a user who is neither the PSC realm's realm-admin nor the master realm's admin. */
    NOT_REALM_ADMIN(403, Errors.NOT_ALLOWED);

    private final int status;
    private final String eventError;

    AdminRefusal(int status, String eventError) {
        this.status = status;
        this.eventError = eventError;
    }

    /** Keycloak's error of the event, beside the reason. */
    public String eventError() {
        return eventError;
    }

    /** {@code 401} (with a Bearer challenge) or {@code 403}, {@code {"error": "<reason>"}}. */
    public Response answer() {
        Response answer = JsonAnswer.error(status, code());
        return status == 401
                ? Response.fromResponse(answer).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build()
                : answer;
    }

    @Override
    public String messageKey() {
        return null;
    }
}
