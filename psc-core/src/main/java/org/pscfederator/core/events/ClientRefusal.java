package org.pscfederator.core.events;

/**
 * Why a relying service's authentication was refused, besides its certificate's own reasons: the
 * {@code psc_reason} of the event; the service reads it as {@code invalid_client}, no page shows it.
 */
public enum ClientRefusal implements Refusal {
    CERTIFICATE_NOT_REGISTERED,
    NO_CERTIFICATE_REGISTERED,
    CLIENT_SECRET_NOT_ALLOWED,
    /** The realm's client trust or pscClientSecretAllowed is missing or invalid: the log names the attribute. */
    NOT_CONFIGURED;

    @Override
    public String messageKey() {
        return null;
    }
}
