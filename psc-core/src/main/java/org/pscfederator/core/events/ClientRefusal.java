package org.pscfederator.core.events;

/**
 * Why a relying service's authentication was refused, besides its certificate's own reasons: the
 * {@code psc_reason} of the event; the service reads it as {@code invalid_client}, no page shows it.
 */
public enum ClientRefusal implements Refusal {
    CERTIFICATE_NOT_REGISTERED("certificate_not_registered"),
    NO_CERTIFICATE_REGISTERED("no_certificate_registered"),
    CLIENT_SECRET_NOT_ALLOWED("client_secret_not_allowed"),
    /** The realm's client trust or pscClientSecretAllowed is missing or invalid: the log names the attribute. */
    NOT_CONFIGURED("not_configured");

    private final String code;

    ClientRefusal(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String messageKey() {
        return null;
    }
}
