package org.pscfederator.keycloak.ecps;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Production: mails the code to the address the directory holds, with the realm's SMTP settings. */
public final class MailNotificationSender implements NotificationSender {

    private final KeycloakSession session;
    private final RealmModel realm;

    public MailNotificationSender(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @Override
    public void sendActivationCode(String idNat, String contact, String code, int validSeconds)
            throws NotificationException {
        if (contact == null || contact.isBlank()) {
            return; // nothing to write to: the caller's answer is the same either way
        }
        ActivationMessage message = ActivationMessage.of(session, realm, code, validSeconds);
        try {
            session.getProvider(EmailSenderProvider.class).send(realm.getSmtpConfig(), contact, message.subject(),
                    message.text(), null);
        } catch (EmailException e) {
            throw new NotificationException("activation mail not sent", e);
        }
    }
}
