package org.pscfederator.core.certificates;

/** A certificate refused by a trust policy, with the reason and a detail for the logs (never shown on screen). */
public final class CertificateRejectedException extends Exception {

    private final transient CertificateRejection rejection;

    public CertificateRejectedException(CertificateRejection rejection, String detail) {
        super(rejection.code() + ": " + detail);
        this.rejection = rejection;
    }

    public CertificateRejectedException(CertificateRejection rejection, String detail, Throwable cause) {
        super(rejection.code() + ": " + detail, cause);
        this.rejection = rejection;
    }

    public CertificateRejection rejection() {
        return rejection;
    }
}
