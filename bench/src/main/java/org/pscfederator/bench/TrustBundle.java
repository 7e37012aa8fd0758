package org.pscfederator.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.pscfederator.core.certificates.PemTrust;

import picocli.CommandLine.TypeConversionException;

/** Trust in exactly the certificates of a PEM bundle (never everything, PemTrust), or the JDK's without one. */
final class TrustBundle {
    private TrustBundle() {
    }

    /** Trust managers for the bundle, or for the JDK's default trust store when {@code pemFile} is null. */
    static TrustManager[] trustManagers(Path pemFile) {
        try {
            if (pemFile != null) {
                return PemTrust.trustManagers(pemFile);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            return tmf.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new TypeConversionException("--cacert " + pemFile + ": " + e.getMessage());
        }
    }

    /** A TLS context with these trust managers and, for client-certificate flows, key managers (or null). */
    static SSLContext sslContext(KeyManager[] keyManagers, TrustManager[] trustManagers) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
    }
}
