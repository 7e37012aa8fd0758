package org.pscfederator.cps;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.x509.X509ClientCertificateLookup;
import org.pscfederator.certificates.CertificateChecks;
import org.pscfederator.certificates.CertificateRejectedException;
import org.pscfederator.certificates.CertificateRejection;
import org.pscfederator.certificates.RealmTrust;
import org.pscfederator.claims.PscAmr;

/**
 * Logs a professional in with the card certificate their browser presented: the realm's card trust policy, then the
 * idNat the certificate names, then the directory. Every refusal is a French page with a retry, a login-error event
 * with the reason, and no user set on the flow.
 */
public final class CardLogin {

    private static final Logger LOG = Logger.getLogger(CardLogin.class);

    /** Event details, for audit: how, who, with which certificate. */
    public static final String DETAIL_MEANS = "psc_means";
    public static final String DETAIL_ID_NAT = "psc_idnat";
    public static final String DETAIL_SERIAL = "psc_cert_serial";
    public static final String DETAIL_ISSUER = "psc_cert_issuer";
    public static final String DETAIL_REASON = "psc_reason";
    public static final String MEANS = "CPS";

    static final String ERROR_TEMPLATE = "psc-card-error.ftl";

    private CardLogin() {
    }

    public static void login(AuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        EventBuilder event = context.getEvent().detail(DETAIL_MEANS, MEANS);
        X509Certificate[] chain;
        try {
            chain = context.getSession().getProvider(X509ClientCertificateLookup.class)
                    .getCertificateChain(context.getHttpRequest());
        } catch (GeneralSecurityException e) {
            refuse(context, CertificateRejection.UNREADABLE.code(), Errors.INVALID_USER_CREDENTIALS,
                    "unreadable client certificate: " + e.getMessage());
            return;
        }
        if (chain == null || chain.length == 0) {
            refuse(context, CertificateRejection.NO_CERTIFICATE.code(), Errors.INVALID_USER_CREDENTIALS,
                    "no client certificate presented");
            return;
        }
        X509Certificate card = chain[0];
        event.detail(DETAIL_SERIAL, card.getSerialNumber().toString(16))
                .detail(DETAIL_ISSUER, card.getIssuerX500Principal().getName());
        CertificateChecks checks;
        try {
            checks = RealmTrust.checks(realm, RealmTrust.Use.CARD);
        } catch (IllegalStateException e) {
            LOG.errorf("card login is not configured in realm %s: %s", realm.getName(), e.getMessage());
            refuse(context, "not_configured", Errors.INVALID_CONFIG, "card trust not configured");
            return;
        }
        try {
            List<X509Certificate> path = checks.verify(chain);
            LOG.debugf("card certificate %s accepted, path length %d", card.getSerialNumber().toString(16),
                    path.size());
        } catch (CertificateRejectedException e) {
            refuse(context, e.rejection().code(), Errors.INVALID_USER_CREDENTIALS, e.getMessage());
            return;
        }
        Optional<String> idNat;
        try {
            idNat = CardIdNat.of(card, realm.getAttribute(CardIdNat.PATTERN_ATTRIBUTE));
        } catch (IllegalStateException e) {
            LOG.errorf("card login is misconfigured in realm %s: %s", realm.getName(), e.getMessage());
            refuse(context, "not_configured", Errors.INVALID_CONFIG, "card idNat pattern invalid");
            return;
        }
        if (idNat.isEmpty()) {
            refuse(context, "no_idnat", Errors.INVALID_USER_CREDENTIALS, "no idNat in the certificate subject");
            return;
        }
        event.detail(DETAIL_ID_NAT, idNat.get());
        UserModel user;
        try {
            user = context.getSession().users().getUserByUsername(realm, idNat.get());
        } catch (RuntimeException e) {
            // The directory could not be read: nobody is let in on a guess.
            LOG.errorf("directory lookup failed during card login: %s", e.toString());
            refuse(context, "directory_unavailable", Errors.INVALID_USER_CREDENTIALS, "directory unavailable");
            return;
        }
        if (user == null) {
            refuse(context, "unknown_professional", Errors.USER_NOT_FOUND, "idNat not in the directory");
            return;
        }
        if (!user.isEnabled()) {
            refuse(context, "unknown_professional", Errors.USER_DISABLED, "user disabled");
            return;
        }
        context.getAuthenticationSession().setUserSessionNote(PscAmr.USER_SESSION_NOTE, PscAmr.CARD);
        context.getAuthenticationSession().setUserSessionNote(DETAIL_MEANS, MEANS);
        context.setUser(user);
        context.success();
    }

    private static void refuse(AuthenticationFlowContext context, String reason, String error, String logDetail) {
        LOG.infof("card login refused: %s (%s)", reason, logDetail);
        context.getEvent().detail(DETAIL_REASON, reason).error(error);
        Response page = context.form()
                .setAttribute("pscCardReason", reason)
                .createForm(ERROR_TEMPLATE);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
    }
}
