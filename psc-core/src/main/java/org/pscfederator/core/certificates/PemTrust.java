package org.pscfederator.core.certificates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS trust from a PEM bundle (the sandbox CAs, or a server's CA given with {@code --cacert}): exactly those
 * certificates, never everything. The one place the launcher, the tools, the bench and the test harness build it.
 */
public final class PemTrust {

    /** Text around and between the blocks (openssl's subject and issuer lines) is allowed and skipped. */
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private PemTrust() {
    }

    /** @throws IOException when the file cannot be read or holds no certificate */
    public static TrustManager[] trustManagers(Path pemBundle) throws IOException {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int n = 0;
            for (X509Certificate certificate : certificates(pemBundle)) {
                trust.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IOException(pemBundle + " is not a PEM bundle of certificates: " + e.getMessage(), e);
        }
    }

    /** A TLS context trusting the bundle, presenting {@code keyManagers} (a card, an ORG certificate) or none. */
    public static SSLContext sslContext(KeyManager[] keyManagers, Path pemBundle) throws IOException {
        TrustManager[] trust = trustManagers(pemBundle);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust " + pemBundle + ": " + e.getMessage(), e);
        }
    }

    /** @throws IOException when the file cannot be read, a block is not a certificate, or there is none */
    public static List<X509Certificate> certificates(Path pemBundle) throws IOException {
        String text = Files.readString(pemBundle, StandardCharsets.US_ASCII);
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Matcher m = PEM.matcher(text);
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(1));
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(pemBundle + " is not a PEM bundle of certificates: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IOException(pemBundle + " holds no certificate (no PEM certificate block in it)");
        }
        return certificates;
    }
}
