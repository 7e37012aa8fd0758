package org.pscfederator.core.certificates;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a certificate must be to be accepted: issued by one of the configured issuing CAs (the persons' CA for card
 * login, the organisations' CA for relying services), with a full path to a configured root, carrying the required
 * certificate policy, and fit for client authentication (digitalSignature; clientAuth when it lists extended key
 * usages, or always when {@code clientAuthRequired}: a relying service's certificate must say it is for client
 * authentication, while some cards list no extended key usage at all).
 */
public record TrustPolicy(List<X509Certificate> roots, List<X509Certificate> issuingCas, String requiredPolicyOid,
        boolean clientAuthRequired) {

    public static final String CLIENT_AUTH_EKU = "1.3.6.1.5.5.7.3.2";
    public static final String ANY_EKU = "2.5.29.37.0";

    public TrustPolicy {
        roots = List.copyOf(roots);
        issuingCas = List.copyOf(issuingCas);
        if (roots.isEmpty() || issuingCas.isEmpty()) {
            throw new IllegalArgumentException("a trust policy needs at least one root CA and one issuing CA");
        }
        if (requiredPolicyOid == null || !requiredPolicyOid.matches("[0-2](\\.[0-9]+)+")) {
            throw new IllegalArgumentException("the required certificate policy must be an OID, got " + requiredPolicyOid);
        }
    }

    public TrustPolicy(List<X509Certificate> roots, List<X509Certificate> issuingCas, String requiredPolicyOid) {
        this(roots, issuingCas, requiredPolicyOid, false);
    }

    /** The same policy, requiring the clientAuth extended key usage to be listed. */
    public TrustPolicy requiringClientAuth() {
        return new TrustPolicy(roots, issuingCas, requiredPolicyOid, true);
    }

    /**
     * From a PEM bundle as configured in the realm: self-signed certificates are roots, the others issuing CAs.
     *
     * @throws IllegalArgumentException when the bundle cannot be read or lacks a root or an issuing CA
     */
    public static TrustPolicy fromPem(String pemBundle, String requiredPolicyOid) {
        List<X509Certificate> roots = new ArrayList<>();
        List<X509Certificate> issuing = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (var certificate : factory.generateCertificates(new ByteArrayInputStream(
                    pemBundle.getBytes(StandardCharsets.US_ASCII)))) {
                X509Certificate ca = (X509Certificate) certificate;
                if (ca.getBasicConstraints() < 0) {
                    throw new IllegalArgumentException("the trust bundle holds a certificate that is not a CA: "
                            + ca.getSubjectX500Principal());
                }
                (isSelfSigned(ca) ? roots : issuing).add(ca);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the trust bundle cannot be read: " + e.getMessage(), e);
        }
        return new TrustPolicy(roots, issuing, requiredPolicyOid);
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
