package org.pscfederator.testpki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * PKCS#12 files with the sandbox password: a key with its chain (a card, a relying service, the server) or a trust
 * store of CA certificates. The JDK's PKCS#12 writer marks certificate entries as trusted for Java readers (Keycloak)
 * and uses AES-256 / HMAC-SHA256 protection, which OpenSSL 1.1+, NSS and browsers read.
 */
final class Pkcs12Writer {

    private Pkcs12Writer() {
    }

    /** {@code alias} is also the friendly name importing tools show; the chain is leaf then issuing CA. */
    static void writeKey(Path file, String alias, PrivateKey key, List<X509Certificate> chain) {
        KeyStore store = empty();
        try {
            store.setKeyEntry(alias, key, password(), chain.toArray(X509Certificate[]::new));
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot put the key of " + alias + " in a PKCS#12 file: " + e.getMessage(), e);
        }
        AtomicFile.write(file, bytes(store, file), false);
    }

    /** One trusted-certificate entry per CA, named by its file base name (root-ca, persons-ca, org-ca). */
    static void writeTrustStore(Path file, List<CertificateAuthority> cas) {
        KeyStore store = empty();
        try {
            for (CertificateAuthority ca : cas) {
                store.setCertificateEntry(ca.role().fileName(), ca.certificate());
            }
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot build the trust store: " + e.getMessage(), e);
        }
        AtomicFile.write(file, bytes(store, file), false);
    }

    private static KeyStore empty() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException("no PKCS#12 support in this Java: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(KeyStore store, Path file) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password());
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException("cannot encode " + file + ": " + e.getMessage(), e);
        }
    }

    private static char[] password() {
        return SandboxProfile.PASSWORD.toCharArray();
    }
}
