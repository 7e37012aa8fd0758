package org.pscfederator.keycloak.login;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.keycloak.ecps.EcpsLogin;
import org.pscfederator.keycloak.realm.PscRealm;

/**
 * PSC's login page: two tabs, "Application e-CPS" open with the identifier form, and "Carte CPS". The card login runs
 * on the certificate the browser presented in the TLS handshake.
 */
public class PscLoginAuthenticator implements Authenticator {

    static final String METHOD = "method";
    static final String NOT_PSC_REALM_MESSAGE = "pscLoginNotPscRealm";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(EcpsLogin.loginPage(context, LoginStage.PSC_LOGIN));
    }

    /**
     * PSC's professionals log in to PSC's realm only: in another realm this login would push to their phones and read
     * their directory entry for someone else's service. Checked when a means is chosen: the page itself holds nothing
     * of PSC's, and a copy of PSC's realm under another name (an operator's staging copy) still shows it.
     */
    public static boolean refusedOutsidePscRealm(AuthenticationFlowContext context) {
        if (PscRealm.of(context.getSession()).owns(context.getRealm())) {
            return false;
        }
        context.getEvent().detail(EventDetail.REASON.wire(), "not_psc_realm").error(Errors.ACCESS_DENIED);
        context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED, context.form().setError(NOT_PSC_REALM_MESSAGE)
                .createErrorPage(Response.Status.NOT_FOUND));
        return true;
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (refusedOutsidePscRealm(context)) {
            return;
        }
        LoginStage.act(context, LoginStage.PSC_LOGIN);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
