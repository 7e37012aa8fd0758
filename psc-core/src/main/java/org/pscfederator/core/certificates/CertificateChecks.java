package org.pscfederator.core.certificates;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;

/**
 * The certificate checks card login and relying-service authentication share: a full path from the presented
 * certificate to a configured root through a configured issuing CA, validity dates, key usage for authentication,
 * the required policy, and revocation of every certificate of the path by the configured CRLs. Only what the client
 * presents and what the operator configured is used; nothing is fetched because a certificate names it.
 */
public final class CertificateChecks {

    private static final int DIGITAL_SIGNATURE = 0;

    private final TrustPolicy policy;
    private final RevocationSource revocation;
    private final Clock clock;

    public CertificateChecks(TrustPolicy policy, RevocationSource revocation, Clock clock) {
        this.policy = policy;
        this.revocation = revocation;
        this.clock = clock;
    }

    public TrustPolicy policy() {
        return policy;
    }

    /**
     * Where the CRL of every CA this policy checks revocation against stands: each issuing CA's (for the
     * certificates it issued) and each root's (for the issuing CAs), by the rule {@link #verify} applies.
     *
     * @param warning how long before a CRL's refusal point its status turns to a warning
     */
    public List<CrlStatus> crlStatuses(java.time.Duration warning) {
        List<CrlStatus> statuses = new ArrayList<>();
        for (X509Certificate ca : policy.issuingCas()) {
            statuses.add(revocation.status(ca, warning));
        }
        for (X509Certificate root : policy.roots()) {
            statuses.add(revocation.status(root, warning));
        }
        return statuses;
    }

    /** The CRL locations whose last reading failed, each with why. */
    public java.util.Map<String, String> unreadableCrlLocations() {
        return revocation.unreadableLocations();
    }

    /**
     * Verifies what a client presented (its certificate first, then any CA certificates it sent, which are ignored:
     * the path is built from the configured CAs only).
     *
     * @return the path, from the presented certificate to the root's child
     * @throws CertificateRejectedException when anything is wrong, with the first reason found
     */
    public List<X509Certificate> verify(X509Certificate[] presented) throws CertificateRejectedException {
        if (presented == null || presented.length == 0 || presented[0] == null) {
            throw new CertificateRejectedException(CertificateRejection.NO_CERTIFICATE, "no client certificate");
        }
        X509Certificate leaf = presented[0];
        Instant now = clock.instant();
        checkDates(leaf, now);
        if (leaf.getBasicConstraints() >= 0) {
            throw new CertificateRejectedException(CertificateRejection.WRONG_KEY_USAGE, "a CA certificate: "
                    + leaf.getSubjectX500Principal());
        }
        List<X509Certificate> path = buildPath(leaf, now);
        checkKeyUsage(leaf, policy.clientAuthRequired());
        checkPolicy(leaf);
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : rootOf(certificate);
            checkNotRevoked(certificate, issuer);
        }
        return path;
    }

    private static void checkDates(X509Certificate certificate, Instant now) throws CertificateRejectedException {
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new CertificateRejectedException(CertificateRejection.EXPIRED, "expired on "
                    + certificate.getNotAfter().toInstant() + ": " + certificate.getSubjectX500Principal());
        } catch (CertificateNotYetValidException e) {
            throw new CertificateRejectedException(CertificateRejection.NOT_YET_VALID, "valid from "
                    + certificate.getNotBefore().toInstant() + ": " + certificate.getSubjectX500Principal());
        }
    }

    /** PKIX path building from the configured roots through the configured issuing CAs; revocation is checked after. */
    private List<X509Certificate> buildPath(X509Certificate leaf, Instant now) throws CertificateRejectedException {
        if (policy.issuingCas().stream().noneMatch(ca -> ca.getSubjectX500Principal()
                .equals(leaf.getIssuerX500Principal()))) {
            throw new CertificateRejectedException(CertificateRejection.UNTRUSTED, "issuer "
                    + leaf.getIssuerX500Principal() + " is not an issuing CA of this policy");
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate root : policy.roots()) {
                anchors.add(new TrustAnchor(root, null));
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            List<X509Certificate> known = new ArrayList<>(policy.issuingCas());
            known.add(leaf);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(known)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                    .build(parameters);
            CertPath certPath = result.getCertPath();
            List<X509Certificate> path = new ArrayList<>();
            certPath.getCertificates().forEach(certificate -> path.add((X509Certificate) certificate));
            return path;
        } catch (CertPathBuilderException e) {
            throw new CertificateRejectedException(CertificateRejection.UNTRUSTED, "no valid path to a configured root"
                    + " for " + leaf.getSubjectX500Principal() + " (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new CertificateRejectedException(CertificateRejection.UNTRUSTED, "path building failed: "
                    + e.getMessage(), e);
        }
    }

    private X509Certificate rootOf(X509Certificate certificate) throws CertificateRejectedException {
        for (X509Certificate root : policy.roots()) {
            if (root.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(root.getPublicKey());
                    return root;
                } catch (GeneralSecurityException e) {
                    // another root with the same name; keep looking
                }
            }
        }
        throw new CertificateRejectedException(CertificateRejection.UNTRUSTED, "no root for "
                + certificate.getSubjectX500Principal());
    }

    private static void checkKeyUsage(X509Certificate leaf, boolean clientAuthRequired)
            throws CertificateRejectedException {
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage == null || keyUsage.length <= DIGITAL_SIGNATURE || !keyUsage[DIGITAL_SIGNATURE]) {
            throw new CertificateRejectedException(CertificateRejection.WRONG_KEY_USAGE,
                    "key usage lacks digitalSignature: " + leaf.getSubjectX500Principal());
        }
        try {
            List<String> extended = leaf.getExtendedKeyUsage();
            if (clientAuthRequired && (extended == null || !extended.contains(TrustPolicy.CLIENT_AUTH_EKU))) {
                throw new CertificateRejectedException(CertificateRejection.WRONG_KEY_USAGE,
                        "extended key usage clientAuth required, got " + extended + ": "
                                + leaf.getSubjectX500Principal());
            }
            if (extended != null && !extended.contains(TrustPolicy.CLIENT_AUTH_EKU)
                    && !extended.contains(TrustPolicy.ANY_EKU)) {
                throw new CertificateRejectedException(CertificateRejection.WRONG_KEY_USAGE,
                        "extended key usage " + extended + " lacks clientAuth: " + leaf.getSubjectX500Principal());
            }
        } catch (java.security.cert.CertificateParsingException e) {
            throw new CertificateRejectedException(CertificateRejection.UNREADABLE, "extended key usage unreadable", e);
        }
    }

    private void checkPolicy(X509Certificate leaf) throws CertificateRejectedException {
        byte[] extension = leaf.getExtensionValue(Extension.certificatePolicies.getId());
        if (extension != null) {
            try {
                CertificatePolicies policies = CertificatePolicies.getInstance(
                        ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extension).getOctets()));
                for (PolicyInformation information : policies.getPolicyInformation()) {
                    if (information.getPolicyIdentifier().getId().equals(policy.requiredPolicyOid())) {
                        return;
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new CertificateRejectedException(CertificateRejection.UNREADABLE,
                        "certificate policies unreadable", e);
            }
        }
        throw new CertificateRejectedException(CertificateRejection.POLICY_MISSING, "policy "
                + policy.requiredPolicyOid() + " missing: " + leaf.getSubjectX500Principal());
    }

    private void checkNotRevoked(X509Certificate certificate, X509Certificate issuer)
            throws CertificateRejectedException {
        X509CRL crl = revocation.currentCrl(issuer);
        if (crl.isRevoked(certificate)) {
            throw new CertificateRejectedException(CertificateRejection.REVOKED, "serial "
                    + certificate.getSerialNumber().toString(16) + " revoked by " + issuer.getSubjectX500Principal());
        }
    }
}
