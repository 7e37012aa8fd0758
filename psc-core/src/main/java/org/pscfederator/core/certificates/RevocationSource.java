package org.pscfederator.core.certificates;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;

/** Where the federator learns what a CA revoked: CRLs the operator configured, never a URL named by a certificate. */
public interface RevocationSource {

    /**
     * The CRL of {@code issuer}, signed by it and fresh enough to rely on.
     *
     * @throws CertificateRejectedException with {@link CertificateRejection#REVOCATION_UNKNOWN} when there is none,
     *         or the one there is has outlived its next update by more than the allowed grace
     */
    X509CRL currentCrl(X509Certificate issuer) throws CertificateRejectedException;
}
