package org.pscfederator.keycloak.ecps;

/**
 * Sends a professional an activation code through the contact details the directory holds. The sandbox keeps the
 * messages in a readable outbox; a real deployment mails them.
 */
public interface NotificationSender {

    /** @param contact where the directory says to write (may be empty: the sandbox has no real addresses) */
    void sendActivationCode(String idNat, String contact, String code, int validSeconds) throws NotificationException;

    final class NotificationException extends Exception {
        public NotificationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
