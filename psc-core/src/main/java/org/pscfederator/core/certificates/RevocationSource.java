package org.pscfederator.core.certificates;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;

/** Where the federator learns what a CA revoked: CRLs the operator configured, never a URL named by a certificate. */
public interface RevocationSource {

    /**
     * The CRL of {@code issuer}, signed by it and fresh enough to rely on.
     *
     * @throws CertificateRejectedException with {@link CertificateRejection#REVOCATION_UNKNOWN} when there is none,
     *         or the one there is has outlived its next update by more than the allowed grace
     */
    X509CRL currentCrl(X509Certificate issuer) throws CertificateRejectedException;

    /**
     * Where the CRL of {@code issuer} stands, by the rule {@link #currentCrl} applies ({@link CrlStatus}).
     *
     * @param warning how long before the refusal point the status turns to a warning
     */
    CrlStatus status(X509Certificate issuer, Duration warning);

    /** The configured locations whose last reading failed, each with why (never personal data). */
    Map<String, String> unreadableLocations();
}
