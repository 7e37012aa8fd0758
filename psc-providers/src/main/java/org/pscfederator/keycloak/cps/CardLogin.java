package org.pscfederator.keycloak.cps;

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
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.x509.X509ClientCertificateLookup;
import org.pscfederator.core.certificates.CertificateChecks;
import org.pscfederator.core.certificates.CertificateRejectedException;
import org.pscfederator.core.certificates.CertificateRejection;
import org.pscfederator.keycloak.certificates.RealmCertificateChecks;
import org.pscfederator.core.settings.TrustUse;
import org.pscfederator.keycloak.realm.RealmAttributes;
import org.pscfederator.keycloak.claims.PscAmr;
import org.pscfederator.keycloak.logging.EventFields;
import org.pscfederator.keycloak.login.LoginStage;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.core.events.CardRefusal;
import org.pscfederator.core.events.EventDetail;

/**
 * Logs a professional in with the card certificate their browser presented: the realm's card trust policy, then the
 * idNat the certificate names, then the directory. Every refusal is a French page with a retry, a login-error event
 * with the reason, and no user set on the flow.
 */
public final class CardLogin {

    private static final Logger LOG = Logger.getLogger(CardLogin.class);

    /** Event details, for audit: how, who, with which certificate. */
    public static final String MEANS = "CPS";

    static final String ERROR_TEMPLATE = "psc-card-error.ftl";

    private CardLogin() {
    }

    /** The holder of a card that passed every check, or why it did not: shared by the login and device activation. */
    public record Holder(String idNat, UserModel user, CardRefusal reason, String error, String logDetail) {
        public boolean accepted() {
            return user != null;
        }

        static Holder refused(CardRefusal reason, String error, String logDetail) {
            return new Holder(null, null, reason, error, logDetail);
        }
    }

    public static void login(AuthenticationFlowContext context, LoginStage stage) {
        Holder holder = holder(context.getSession(), context.getRealm(), context.getHttpRequest(), context.getEvent());
        if (!holder.accepted()) {
            refuse(context, holder.reason(), holder.error(), holder.logDetail());
            return;
        }
        context.getAuthenticationSession().setUserSessionNote(PscAmr.USER_SESSION_NOTE, PscAmr.CARD);
        context.getAuthenticationSession().setUserSessionNote(EventDetail.MEANS.wire(), MEANS);
        stage.proven(context, holder.user());
    }

    /**
     * The professional whose card the client presented in the TLS handshake: the realm's card trust policy, the idNat
     * the certificate names, the directory. The event gets the card's details as they are known.
     */
    public static Holder holder(KeycloakSession session, RealmModel realm, HttpRequest httpRequest,
            EventBuilder event) {
        event.detail(EventDetail.MEANS.wire(), MEANS);
        X509Certificate[] chain;
        try {
            chain = session.getProvider(X509ClientCertificateLookup.class).getCertificateChain(httpRequest);
        } catch (GeneralSecurityException e) {
            return Holder.refused(refusalOf(CertificateRejection.UNREADABLE), Errors.INVALID_USER_CREDENTIALS,
                    "unreadable client certificate: " + e.getMessage());
        }
        if (chain == null || chain.length == 0) {
            return Holder.refused(refusalOf(CertificateRejection.NO_CERTIFICATE), Errors.INVALID_USER_CREDENTIALS,
                    "no client certificate presented");
        }
        X509Certificate card = chain[0];
        event.detail(EventDetail.CERT_SERIAL.wire(), card.getSerialNumber().toString(16))
                .detail(EventDetail.CERT_ISSUER.wire(), card.getIssuerX500Principal().getName());
        claimedIdNat(realm, card).ifPresent(claimed -> event.detail(EventDetail.CLAIMED_ID_NAT.wire(), claimed));
        CertificateChecks checks;
        try {
            checks = RealmCertificateChecks.of(session).of(realm, TrustUse.CARD);
        } catch (IllegalStateException e) {
            LOG.errorf("card login is not configured in realm %s: %s", realm.getName(),
                    LoggedText.of(e.getMessage()));
            return Holder.refused(CardRefusal.NOT_CONFIGURED, Errors.INVALID_CONFIG, "card trust not configured");
        }
        try {
            List<X509Certificate> path = checks.verify(chain);
            LOG.debugf("card certificate %s accepted, path length %d", card.getSerialNumber().toString(16),
                    path.size());
        } catch (CertificateRejectedException e) {
            return Holder.refused(refusalOf(e.rejection()), Errors.INVALID_USER_CREDENTIALS, e.getMessage());
        }
        Optional<String> idNat;
        try {
            idNat = CardIdNat.of(card, RealmAttributes.settings(realm).cardIdNatPattern());
        } catch (IllegalStateException e) {
            LOG.errorf("card login is misconfigured in realm %s: %s", realm.getName(),
                    LoggedText.of(e.getMessage()));
            return Holder.refused(CardRefusal.NOT_CONFIGURED, Errors.INVALID_CONFIG, "card idNat pattern invalid");
        }
        if (idNat.isEmpty()) {
            return Holder.refused(CardRefusal.NO_IDNAT, Errors.INVALID_USER_CREDENTIALS, "no idNat in the certificate subject "
                    + card.getSubjectX500Principal().getName());
        }
        event.detail(EventDetail.ID_NAT.wire(), idNat.get());
        UserModel user;
        try {
            user = session.users().getUserByUsername(realm, idNat.get());
        } catch (RuntimeException e) {
            // The directory could not be read: nobody is let in on a guess.
            LOG.errorf("directory lookup failed during card login: %s", LoggedText.of(e));
            return Holder.refused(CardRefusal.DIRECTORY_UNAVAILABLE, Errors.INVALID_USER_CREDENTIALS, "directory unavailable");
        }
        if (user == null) {
            return Holder.refused(CardRefusal.UNKNOWN_PROFESSIONAL, Errors.USER_NOT_FOUND, "idNat not in the directory");
        }
        if (!user.isEnabled()) {
            return Holder.refused(CardRefusal.UNKNOWN_PROFESSIONAL, Errors.USER_DISABLED, "user disabled");
        }
        return new Holder(idNat.get(), user, null, null, null);
    }

    /** What the certificate says its holder is, before any check: for the audit only, never to log anyone in. */
    private static Optional<String> claimedIdNat(RealmModel realm, X509Certificate card) {
        try {
            return CardIdNat.of(card, RealmAttributes.settings(realm).cardIdNatPattern());
        } catch (IllegalStateException e) {
            return Optional.empty(); // the checks below refuse it with the reason
        }
    }

    /** The page's reason for a certificate's rejection: the same code (CardRefusalTest keeps them in step). */
    static CardRefusal refusalOf(CertificateRejection rejection) {
        return CardRefusal.of(rejection.code()).orElse(CardRefusal.UNKNOWN);
    }

    private static void refuse(AuthenticationFlowContext context, CardRefusal reason, String error, String logDetail) {
        context.getEvent().detail(EventDetail.REASON.wire(), reason.code());
        context.getEvent().error(error);
        EventFields.info(LOG, "card login refused: " + reason.code() + " (" + LoggedText.of(logDetail) + ")",
                context.getEvent());
        Response page = context.form()
                .setAttribute("pscCardReason", reason.code())
                .createForm(ERROR_TEMPLATE);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
    }
}
