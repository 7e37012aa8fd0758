package org.pscfederator.keycloak.certificates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS trust from a PEM bundle (the sandbox CAs, or a server's CA given with {@code --cacert}): exactly those
 * certificates, never everything. For the command-line tools that call the server.
 */
public final class PemTrust {

    private PemTrust() {
    }

    /** @throws IOException when the file cannot be read or holds no certificate */
    public static TrustManager[] trustManagers(Path pemBundle) throws IOException {
        try (InputStream in = Files.newInputStream(pemBundle)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new IOException(pemBundle + " holds no certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IOException(pemBundle + " is not a PEM bundle of certificates: " + e.getMessage(), e);
        }
    }
}
