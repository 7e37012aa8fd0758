package org.pscfederator.testpki;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Signs a CA's complete CRL (DER) listing the serials it has revoked, and writes it in place atomically. */
final class CrlWriter {

    private CrlWriter() {
    }

    /**
     * thisUpdate is now in whole seconds (never in the future, which verifiers would refuse); no reason code is written,
     * as RFC 5280 wants for "unspecified".
     */
    static X509CRL write(CertificateAuthority ca, Map<BigInteger, Instant> revoked, BigInteger crlNumber,
            Instant now, Instant nextUpdate, Path file) {
        Instant thisUpdate = now.truncatedTo(ChronoUnit.SECONDS);
        X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate.truncatedTo(ChronoUnit.SECONDS)));
        revoked.forEach((serial, when) -> builder.addCRLEntry(serial, Date.from(when), CRLReason.unspecified));
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate().getPublicKey()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
            X509CRL crl = new JcaX509CRLConverter().getCRL(
                    builder.build(new JcaContentSignerBuilder(SandboxProfile.SIGNATURE_ALGORITHM).build(ca.key())));
            AtomicFile.write(file, crl.getEncoded(), false);
            return crl;
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new PkiException("cannot sign the CRL of the " + ca.role().label() + ": " + e.getMessage(), e);
        }
    }
}
