package org.pscfederator.login;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.pscfederator.cps.CardLogin;
import org.pscfederator.ecps.EcpsLogin;

/**
 * PSC's login page: the professional chooses "Carte CPS" or "Application e-CPS". The card login runs on the certificate
 * the browser presented in the TLS handshake.
 */
public class PscLoginAuthenticator implements Authenticator {

    static final String TEMPLATE = "psc-login.ftl";
    static final String METHOD = "method";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(context.form().createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String method = form.getFirst(METHOD);
        if ("card".equals(method)) {
            CardLogin.login(context);
        } else if ("ecps".equals(method) || form.getFirst(EcpsLogin.STEP) != null) {
            EcpsLogin.action(context);
        } else {
            context.challenge(context.form().createForm(TEMPLATE));
        }
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
