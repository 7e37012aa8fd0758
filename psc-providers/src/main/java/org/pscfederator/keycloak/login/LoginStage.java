package org.pscfederator.keycloak.login;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.pscfederator.keycloak.cps.CardLogin;
import org.pscfederator.keycloak.ecps.EcpsLogin;

/**
 * Where a card or e-CPS login takes place and what its success leads to: PSC's login page, which then logs the
 * professional in ({@link #PSC_LOGIN}), or the pairing of an establishment's account, which checks more first. The
 * card and e-CPS logins themselves are the same code in both.
 */
public interface LoginStage {

    /** PSC's login page: the professional proven is logged in. */
    LoginStage PSC_LOGIN = new LoginStage() {
        @Override
        public Response meansPage(AuthenticationFlowContext context, LoginFormsProvider form) {
            return form.createForm(EcpsLogin.LOGIN_TEMPLATE);
        }

        @Override
        public void proven(AuthenticationFlowContext context, UserModel user) {
            context.setUser(user);
            context.success();
        }
    };

    /** The page offering both means; {@code form} already holds the e-CPS form's attributes. */
    Response meansPage(AuthenticationFlowContext context, LoginFormsProvider form);

    /** The card or e-CPS login proved who the professional is; the notes of the means are already set. */
    void proven(AuthenticationFlowContext context, UserModel user);

    /** A post of the means page: the card, a step of the e-CPS pages, or back to the page. */
    static void act(AuthenticationFlowContext context, LoginStage stage) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String method = form.getFirst(PscLoginAuthenticator.METHOD);
        if ("card".equals(method)) {
            CardLogin.login(context, stage);
        } else if ("ecps".equals(method) || form.getFirst(EcpsLogin.STEP) != null) {
            EcpsLogin.action(context, stage);
        } else {
            context.challenge(EcpsLogin.loginPage(context, stage));
        }
    }
}
