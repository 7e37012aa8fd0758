package org.pscfederator.core.certificates;

/**
 * Why a certificate was refused, as a code for events, logs and the login theme's messages
 * ({@code pscCard.<code>} in messages_fr.properties says it in French to the professional).
 */
public enum CertificateRejection {
    NO_CERTIFICATE("no_certificate"),
    UNREADABLE("unreadable_certificate"),
    UNTRUSTED("untrusted_issuer"),
    EXPIRED("certificate_expired"),
    NOT_YET_VALID("certificate_not_yet_valid"),
    WRONG_KEY_USAGE("wrong_key_usage"),
    POLICY_MISSING("policy_missing"),
    REVOKED("certificate_revoked"),
    REVOCATION_UNKNOWN("revocation_unknown");

    private final String code;

    CertificateRejection(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
