package org.pscfederator.core.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a card login (or an activation by card) was refused; the page says it in French from {@code pscCard.<code>}.
 * The certificate's own reasons carry the codes of the providers' CertificateRejection, looked up with
 * {@link #of(String)} (a test keeps both lists in step).
 */
public enum CardRefusal implements Refusal {
    NO_CERTIFICATE,
    UNREADABLE_CERTIFICATE,
    UNTRUSTED_ISSUER,
    CERTIFICATE_EXPIRED,
    CERTIFICATE_NOT_YET_VALID,
    WRONG_KEY_USAGE,
    POLICY_MISSING,
    CERTIFICATE_REVOKED,
    REVOCATION_UNKNOWN,
    NO_IDNAT,
    UNKNOWN_PROFESSIONAL,
    DIRECTORY_UNAVAILABLE,
    /** The realm's card trust or idNat pattern is missing or invalid: the log names the attribute. */
    NOT_CONFIGURED,
    /** What the page says when it has no reason at all. */
    UNKNOWN;

    @Override
    public String messageKey() {
        return "pscCard." + code();
    }

    public static Optional<CardRefusal> of(String code) {
        return Arrays.stream(values()).filter(refusal -> refusal.code().equals(code)).findFirst();
    }
}
