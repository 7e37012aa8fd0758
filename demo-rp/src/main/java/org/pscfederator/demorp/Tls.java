package org.pscfederator.demorp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The demo's TLS: its ORG certificate towards PSC (mutual TLS), trusting only the given CAs, and its own HTTPS.
 * Self-contained on purpose (the federator's tools share {@code PemTrust}): a vendor can copy this module alone.
 */
final class Tls {

    private Tls() {
    }

    /**
     * Towards PSC: trust exactly the CAs of the PEM bundle and, when there is one, present the ORG AUTH_CLI
     * certificate whenever the server asks (PSC's TLS front asks on every connection). Presenting it at the token
     * endpoint is what {@code tls_client_auth} means; presenting it at userinfo proves possession of the bound token.
     */
    static SSLContext towardsPsc(Path caBundle, Path orgCertificate, char[] password) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(orgCertificate == null ? null : keys(orgCertificate, password), trust(caBundle), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS setup failed: " + e.getMessage(), e);
        }
    }

    /** The demo's own HTTPS server certificate. */
    static SSLContext server(Path keystore, char[] password) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys(keystore, password), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS setup failed: " + e.getMessage(), e);
        }
    }

    private static KeyManager[] keys(Path p12, char[] password) throws IOException, GeneralSecurityException {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            keystore.load(in, password);
        } catch (IOException e) {
            throw new IOException("cannot open " + p12 + " (wrong password, or not a PKCS#12 file)", e);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keystore, password);
        return factory.getKeyManagers();
    }

    private static javax.net.ssl.TrustManager[] trust(Path pemBundle) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int n = 0;
        try (InputStream in = Files.newInputStream(pemBundle)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + n++, certificate);
            }
        }
        if (n == 0) {
            throw new IOException(pemBundle + " holds no certificate");
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return factory.getTrustManagers();
    }
}
