package org.pscfederator.testpki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes key pairs and signs certificates of a {@link CertificateProfile}.
 *
 * <p>No CRL distribution point or authority-information-access extension is written, except on the crafted
 * certificates of tests that check it is never fetched: the sandbox's verifiers read the CRLs from their
 * configuration, and a verifier must never fetch a URL named by a certificate it does not trust yet.
 * The authority key identifier holds the key id only (no issuer name and serial), so a CA certified again with the
 * same key still matches. Only the JDK's providers are used (BouncyCastle builds the ASN.1), so no security provider
 * is registered globally.
 */
final class CertificateIssuer {

    private CertificateIssuer() {
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(SandboxProfile.KEY_ALGORITHM);
            generator.initialize(SandboxProfile.KEY_SIZE);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot generate an RSA key pair: " + e.getMessage(), e);
        }
    }

    /** The self-signed root. */
    static X509Certificate selfSigned(X500Name subject, KeyPair keys, BigInteger serial,
            Validity.ValidityPeriod period) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(period.notBefore()), Date.from(period.notAfter()), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(keys.getPublic()));
            addProfile(builder, CertificateProfile.ROOT_CA, keys.getPublic(), List.of(), utils);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new PkiException("cannot build the root CA certificate: " + e.getMessage(), e);
        }
        return sign(builder, keys.getPrivate());
    }

    /** A certificate signed by {@code issuer}; {@code subjectAltNames} may be empty. */
    static X509Certificate issue(CertificateAuthority issuer, CertificateProfile profile, X500Name subject,
            PublicKey subjectKey, BigInteger serial, Validity.ValidityPeriod period, List<GeneralName> subjectAltNames) {
        return issue(issuer, profile, subject, subjectKey, serial, period, subjectAltNames, null);
    }

    /**
     * The same, naming {@code namedUrl} (when not null) as CRL distribution point ({@code /crl}), AIA caIssuers
     * ({@code /ca}) and OCSP responder ({@code /ocsp}).
     */
    static X509Certificate issue(CertificateAuthority issuer, CertificateProfile profile, X500Name subject,
            PublicKey subjectKey, BigInteger serial, Validity.ValidityPeriod period, List<GeneralName> subjectAltNames,
            String namedUrl) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(), serial,
                Date.from(period.notBefore()), Date.from(period.notAfter()), subject, subjectKey);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuer.certificate().getPublicKey()));
            addProfile(builder, profile, subjectKey, subjectAltNames, utils);
            if (namedUrl != null) {
                addFetchableLocations(builder, namedUrl);
            }
        } catch (GeneralSecurityException | CertIOException e) {
            throw new PkiException("cannot build a certificate for " + subject + ": " + e.getMessage(), e);
        }
        return sign(builder, issuer.key());
    }

    private static void addProfile(X509v3CertificateBuilder builder, CertificateProfile profile, PublicKey subjectKey,
            List<GeneralName> subjectAltNames, JcaX509ExtensionUtils utils) throws CertIOException {
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
        BasicConstraints constraints = !profile.ca ? new BasicConstraints(false)
                : profile.pathLength == null ? new BasicConstraints(true)
                : new BasicConstraints(profile.pathLength);
        builder.addExtension(Extension.basicConstraints, true, constraints);
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage));
        if (!profile.extendedKeyUsages.isEmpty()) {
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(profile.extendedKeyUsages.toArray(KeyPurposeId[]::new)));
        }
        if (!profile.policies.isEmpty()) {
            PolicyInformation[] policies = profile.policies.stream()
                    .map(oid -> new PolicyInformation(new ASN1ObjectIdentifier(oid)))
                    .toArray(PolicyInformation[]::new);
            builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(policies));
        }
        if (!subjectAltNames.isEmpty()) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(subjectAltNames.toArray(GeneralName[]::new)));
        }
    }

    private static void addFetchableLocations(X509v3CertificateBuilder builder, String url) throws CertIOException {
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(uri(url + "/crl"))), null, null)}));
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                new AccessDescription[] {new AccessDescription(AccessDescription.id_ad_caIssuers, uri(url + "/ca")),
                        new AccessDescription(AccessDescription.id_ad_ocsp, uri(url + "/ocsp"))}));
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SandboxProfile.SIGNATURE_ALGORITHM).build(key)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new PkiException("cannot sign a certificate: " + e.getMessage(), e);
        }
    }
}
