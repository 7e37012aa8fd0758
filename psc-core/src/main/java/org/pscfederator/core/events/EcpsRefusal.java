package org.pscfederator.core.events;

/**
 * Why an e-CPS login, request or activation was refused. The login page says it in French from
 * {@code pscEcps.<code>}; the device API answers the code as its {@code error}.
 */
public enum EcpsRefusal implements Refusal {
    INVALID_IDENTIFIER("invalid_identifier"),
    DENIED("denied"),
    WRONG_CODE("wrong_code"),
    EXPIRED("expired"),
    DEVICE_REVOKED("device_revoked"),
    TOO_MANY_PUSHES_IDENTIFIER("too_many_pushes_identifier"),
    TOO_MANY_PUSHES_ADDRESS("too_many_pushes_address"),
    /** A relying service's CIBA request past the push limits (answered {@code slow_down}). */
    TOO_MANY_PUSHES("too_many_pushes"),
    TOO_MANY_ACTIVATION_REQUESTS_IDENTIFIER("too_many_activation_requests_identifier"),
    TOO_MANY_ACTIVATION_REQUESTS_ADDRESS("too_many_activation_requests_address"),
    TOO_MANY_ACTIVATION_GUESSES("too_many_activation_guesses"),
    INVALID_ACTIVATION_CODE("invalid_activation_code"),
    /** The directory, the device store or the realm's e-CPS settings failed: the log says which. */
    UNAVAILABLE("unavailable"),
    /** What the page says when it has no reason at all. */
    UNKNOWN("unknown");

    private final String code;

    EcpsRefusal(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String messageKey() {
        return "pscEcps." + code;
    }
}
