package org.pscfederator.core.events;

/**
 * Why an e-CPS login, request or activation was refused. The login page says it in French from
 * {@code pscEcps.<code>}; the device API answers the code as its {@code error}.
 */
public enum EcpsRefusal implements Refusal {
    INVALID_IDENTIFIER,
    DENIED,
    WRONG_CODE,
    EXPIRED,
    DEVICE_REVOKED,
    TOO_MANY_PUSHES_IDENTIFIER,
    TOO_MANY_PUSHES_ADDRESS,
    /** A relying service's CIBA request past the push limits (answered {@code slow_down}). */
    TOO_MANY_PUSHES,
    TOO_MANY_ACTIVATION_REQUESTS_IDENTIFIER,
    TOO_MANY_ACTIVATION_REQUESTS_ADDRESS,
    TOO_MANY_ACTIVATION_GUESSES,
    INVALID_ACTIVATION_CODE,
    /** The directory, the device store or the realm's e-CPS settings failed: the log says which. */
    UNAVAILABLE,
    /** What the page says when it has no reason at all. */
    UNKNOWN;

    @Override
    public String messageKey() {
        return "pscEcps." + code();
    }
}
