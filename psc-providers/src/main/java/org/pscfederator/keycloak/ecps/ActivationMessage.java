package org.pscfederator.keycloak.ecps;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

/**
 * The message that carries an activation code to a professional, worded by the realm's email theme (keys
 * {@code pscEcpsActivationSubject} and {@code pscEcpsActivationText}) in the realm's default language: the
 * professional is not at a browser we could ask, and PSC writes in French.
 */
public record ActivationMessage(String subject, String text) {

    static final String SUBJECT = "pscEcpsActivationSubject";
    static final String TEXT = "pscEcpsActivationText";

    public static ActivationMessage of(KeycloakSession session, RealmModel realm, String code, int validSeconds)
            throws NotificationSender.NotificationException {
        Properties messages;
        try {
            Theme theme = session.theme().getTheme(Theme.Type.EMAIL);
            messages = theme.getEnhancedMessages(realm, locale(realm));
        } catch (IOException e) {
            throw new NotificationSender.NotificationException("email theme not readable", e);
        }
        String subject = messages.getProperty(SUBJECT);
        String text = messages.getProperty(TEXT);
        if (subject == null || text == null) {
            // A realm whose email theme lacks PSC's texts must not send a blank or English-key message.
            throw new NotificationSender.NotificationException("the realm's email theme has no " + SUBJECT + " or "
                    + TEXT + " (set the realm's email theme to psc)", null);
        }
        // Theme messages are MessageFormat patterns (quotes doubled), the subject as much as the text.
        return new ActivationMessage(new MessageFormat(subject, locale(realm)).format(new Object[0]),
                new MessageFormat(text, locale(realm)).format(new Object[] {code, String.valueOf(validSeconds)}));
    }

    private static Locale locale(RealmModel realm) {
        String tag = realm.getDefaultLocale();
        return Locale.forLanguageTag(tag == null || tag.isBlank() ? "fr" : tag);
    }
}
