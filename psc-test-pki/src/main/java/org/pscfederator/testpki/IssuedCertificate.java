package org.pscfederator.testpki;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/** A certificate the test PKI issued, the PKCS#12 file holding it with its key, and its serial. */
public record IssuedCertificate(X509Certificate certificate, Path keystore, BigInteger serial) {

    /** The PEM file written next to the keystore ({@code <name>.crt.pem}), readable without a password. */
    public Path certificatePem() {
        String name = keystore.getFileName().toString();
        return keystore.resolveSibling(name.substring(0, name.length() - ".p12".length()) + ".crt.pem");
    }

    /** The serial as the command line prints and takes it (upper-case hexadecimal). */
    public String serialHex() {
        return PkiState.hex(serial);
    }
}
