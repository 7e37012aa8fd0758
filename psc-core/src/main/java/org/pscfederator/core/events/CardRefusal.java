package org.pscfederator.core.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a card login (or an activation by card) was refused; the page says it in French from {@code pscCard.<code>}.
 * The certificate's own reasons carry the codes of the providers' CertificateRejection, looked up with
 * {@link #of(String)} (a test keeps both lists in step).
 */
public enum CardRefusal implements Refusal {
    NO_CERTIFICATE("no_certificate"),
    UNREADABLE_CERTIFICATE("unreadable_certificate"),
    UNTRUSTED_ISSUER("untrusted_issuer"),
    CERTIFICATE_EXPIRED("certificate_expired"),
    CERTIFICATE_NOT_YET_VALID("certificate_not_yet_valid"),
    WRONG_KEY_USAGE("wrong_key_usage"),
    POLICY_MISSING("policy_missing"),
    CERTIFICATE_REVOKED("certificate_revoked"),
    REVOCATION_UNKNOWN("revocation_unknown"),
    NO_ID_NAT("no_idnat"),
    UNKNOWN_PROFESSIONAL("unknown_professional"),
    DIRECTORY_UNAVAILABLE("directory_unavailable"),
    /** The realm's card trust or idNat pattern is missing or invalid: the log names the attribute. */
    NOT_CONFIGURED("not_configured"),
    /** What the page says when it has no reason at all. */
    UNKNOWN("unknown");

    private final String code;

    CardRefusal(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String messageKey() {
        return "pscCard." + code;
    }

    public static Optional<CardRefusal> of(String code) {
        return Arrays.stream(values()).filter(refusal -> refusal.code.equals(code)).findFirst();
    }
}
