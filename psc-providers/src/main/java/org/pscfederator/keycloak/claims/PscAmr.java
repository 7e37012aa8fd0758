package org.pscfederator.keycloak.claims;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.UserSessionModel;

/**
 * How a professional authenticated, as RFC 8176 {@code amr} values: kept by the login as a user session note and put
 * in the tokens by {@link PscAmrMapper}; {@link PscAcrMapper} states eidas1, the only level.
 */
public final class PscAmr {

    public static final String USER_SESSION_NOTE = "psc.amr";
    /**
     * After CIBA: Keycloak keeps the authentication channel's approval parameters as client session notes with this
     * prefix (set only by the channel, never by the relying service's request).
     */
    public static final String CIBA_CLIENT_SESSION_NOTE = "ciba_callback_response_param_" + USER_SESSION_NOTE;
    /** Smart card with its PIN: two factors. */
    public static final String CARD = "sc pin mfa";
    /** Software key on the phone (e-CPS) unlocked with a PIN: two factors. */
    public static final String MOBILE = "swk pin mfa";

    private PscAmr() {
    }

    /** The methods of the login behind these tokens, or null when no card or e-CPS login left them. */
    static String of(UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        String amr = userSession.getNote(USER_SESSION_NOTE);
        if ((amr == null || amr.isBlank()) && clientSessionCtx != null && clientSessionCtx.getClientSession() != null) {
            // CIBA: Keycloak keeps the authentication channel's parameters as client session notes.
            amr = clientSessionCtx.getClientSession().getNote(CIBA_CLIENT_SESSION_NOTE);
        }
        return amr == null || amr.isBlank() ? null : amr.strip();
    }
}
