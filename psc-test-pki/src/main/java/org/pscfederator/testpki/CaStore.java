package org.pscfederator.testpki;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.List;

/**
 * The {@code ca/} directory: each CA's certificate (PEM), private key (PKCS#8 PEM under {@code private/}, owner-only),
 * CRL (DER), the trust bundle and trust store, and the state file.
 */
final class CaStore {

    private final Path dir;

    CaStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path certificate(CaRole role) {
        return dir.resolve(role.fileName() + ".pem");
    }

    Path key(CaRole role) {
        return dir.resolve("private").resolve(role.fileName() + ".key");
    }

    Path crl(CaRole role) {
        return dir.resolve(role.fileName() + ".crl");
    }

    Path bundle() {
        return dir.resolve("ca-bundle.pem");
    }

    Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    Path state() {
        return dir.resolve("state.properties");
    }

    StateLock lock() {
        return StateLock.acquire(dir.resolve("state.lock"));
    }

    void save(CertificateAuthority ca) {
        AtomicFile.createDirectory(dir.resolve("private"), true);
        AtomicFile.write(key(ca.role()), Pem.privateKey(ca.key()).getBytes(StandardCharsets.US_ASCII), true);
        AtomicFile.write(certificate(ca.role()),
                Pem.certificates(List.of(ca.certificate())).getBytes(StandardCharsets.US_ASCII), false);
    }

    /** Root first, then the issuing CAs: the bundle a TLS client or verifier is given. */
    void saveTrustMaterial(List<CertificateAuthority> cas) {
        List<X509Certificate> certificates = cas.stream().map(CertificateAuthority::certificate).toList();
        AtomicFile.write(bundle(), Pem.certificates(certificates).getBytes(StandardCharsets.US_ASCII), false);
        Pkcs12Writer.writeTrustStore(trustStore(), cas);
    }

    CertificateAuthority load(CaRole role) {
        for (Path file : List.of(certificate(role), key(role), state())) {
            if (!Files.isRegularFile(file)) {
                throw new PkiException("incomplete test PKI in " + dir + ": " + file.getFileName()
                        + " is missing; delete " + dir + " to create a new PKI");
            }
        }
        X509Certificate certificate = Pem.readCertificates(certificate(role)).get(0);
        PrivateKey key = Pem.readPrivateKey(key(role));
        if (key instanceof RSAKey rsaKey && certificate.getPublicKey() instanceof RSAKey rsaCertificateKey
                && !rsaKey.getModulus().equals(rsaCertificateKey.getModulus())) {
            throw new PkiException("the key " + key(role) + " does not match the certificate " + certificate(role));
        }
        return new CertificateAuthority(role, certificate, key);
    }

    PkiState loadState() {
        return PkiState.load(state());
    }

    void saveState(PkiState state) {
        state.save(state());
    }
}
