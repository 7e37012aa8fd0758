package org.pscfederator.keycloak.claims;

import java.util.Arrays;
import java.util.List;

import org.keycloak.events.Details;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.UserSessionModel;
import org.pscfederator.core.establishments.DelegatedAmr;

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
    /**
     * After a delegated login (an establishment's identity provider, through PSC's broker flows): the provider's
     * alias, stated as {@code psc_establishment}.
     */
    public static final String ESTABLISHMENT_NOTE = "psc.establishment";
    /** Smart card with its PIN: two factors. */
    public static final String CARD = "sc pin mfa";
    /** Software key on the phone (e-CPS) unlocked with a PIN: two factors. */
    public static final String MOBILE = "swk pin mfa";

    private PscAmr() {
    }

    /**
     * The methods of the login behind these tokens, or null when no card, e-CPS or delegated login left them. A
     * session an identity provider's login opened counts only when PSC's broker flows marked it delegated: a
     * provider registered without them gets no amr, hence no acr.
     */
    static String of(UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (userSession.getNote(Details.IDENTITY_PROVIDER) != null) {
            String delegated = userSession.getNote(USER_SESSION_NOTE);
            return delegated != null && DelegatedAmr.isDelegated(values(delegated)) ? delegated.strip() : null;
        }
        String amr = userSession.getNote(USER_SESSION_NOTE);
        if ((amr == null || amr.isBlank()) && clientSessionCtx != null && clientSessionCtx.getClientSession() != null) {
            // CIBA: Keycloak keeps the authentication channel's parameters as client session notes.
            amr = clientSessionCtx.getClientSession().getNote(CIBA_CLIENT_SESSION_NOTE);
        }
        return amr == null || amr.isBlank() ? null : amr.strip();
    }

    /** True for a session an identity provider's login opened without PSC's broker flows marking it delegated. */
    static boolean withheld(UserSessionModel userSession) {
        return userSession.getNote(Details.IDENTITY_PROVIDER) != null && of(userSession, null) == null;
    }

    /** The establishment of a delegated login behind these tokens, or null. */
    static String establishment(UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        String amr = of(userSession, clientSessionCtx);
        String establishment = userSession.getNote(ESTABLISHMENT_NOTE);
        return amr != null && DelegatedAmr.isDelegated(values(amr)) && establishment != null
                && !establishment.isBlank() ? establishment : null;
    }

    static List<String> values(String note) {
        return List.copyOf(Arrays.asList(note.strip().split("\\s+")));
    }
}
