package org.pscfederator.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.pscfederator.core.bindings.CertificateBinding;
import org.pscfederator.core.bindings.CertificateBindings;

import picocli.CommandLine.TypeConversionException;

/**
 * The certificate a relying service will present in mutual TLS, read from a PEM file: what the tool registers
 * (thumbprint, subject and issuer) and the local checks that tell an ORG AUTH_CLI client certificate from anything
 * else an operator might pick up by mistake (a CA, a TLS server certificate, an expired one).
 */
final class OrgCertificate {

    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DIGITAL_SIGNATURE = 0;

    private final X509Certificate certificate;

    OrgCertificate(X509Certificate certificate) {
        this.certificate = certificate;
    }

    /** The first certificate of a PEM (or DER) file: the relying service's own, a chain may follow. */
    static OrgCertificate read(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new TypeConversionException("--cert: cannot read " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends java.security.cert.Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new TypeConversionException("--cert: " + file + " holds no certificate (a PEM file of the certificate, "
                        + "like the .crt.pem that bin/psc-pki client writes)");
            }
            return new OrgCertificate((X509Certificate) certificates.iterator().next());
        } catch (IOException | GeneralSecurityException e) {
            throw new TypeConversionException("--cert: " + file + " is not a certificate in PEM: "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    /**
     * Refuses what cannot be a relying service's client certificate, whatever the realm trusts: a CA, a certificate
     * without the clientAuth extended key usage (IGC-Santé's ORG AUTH_CLI certificates list it) or without
     * digitalSignature, and one outside its validity dates.
     */
    void checkShape(Instant now) throws AdminException {
        if (certificate.getBasicConstraints() >= 0) {
            throw new AdminException("the certificate " + subject() + " is a CA certificate, not a relying service's "
                    + "client certificate (ORG AUTH_CLI)");
        }
        List<String> extended;
        try {
            extended = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new AdminException("the certificate " + subject() + " has an unreadable extended key usage");
        }
        if (extended == null || !extended.contains(CLIENT_AUTH)) {
            throw new AdminException("the certificate " + subject() + " is not a client authentication certificate "
                    + "(no extended key usage clientAuth" + (extended == null ? "" : ", it has " + extended)
                    + "): an ORG AUTH_CLI certificate is needed");
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= DIGITAL_SIGNATURE || !keyUsage[DIGITAL_SIGNATURE])) {
            throw new AdminException("the certificate " + subject() + " lacks the key usage digitalSignature needed "
                    + "for TLS client authentication");
        }
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new AdminException("the certificate " + subject() + " expired on " + notAfter());
        } catch (CertificateNotYetValidException e) {
            throw new AdminException("the certificate " + subject() + " is valid only from " + notBefore());
        }
    }

    /** RFC 8705's {@code x5t#S256}: base64url (no padding) of the SHA-256 of the DER certificate. */
    String thumbprint() {
        return CertificateBindings.thumbprint(certificate);
    }

    String subject() {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    String issuer() {
        return certificate.getIssuerX500Principal().getName(X500Principal.RFC2253);
    }

    /** The serial in upper-case hexadecimal, as bin/psc-pki prints it. */
    String serial() {
        return certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    CertificateBinding binding(CertificateBinding.Kind kind) {
        return CertificateBinding.of(certificate, kind);
    }
}
