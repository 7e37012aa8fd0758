package org.pscfederator.testpki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM text (RFC 7468) for certificates and PKCS#8 private keys, the forms servers and tools read without a password. */
final class Pem {

    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String PRIVATE_KEY = "PRIVATE KEY";

    private Pem() {
    }

    static String certificates(List<X509Certificate> certificates) {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                text.append(encode(CERTIFICATE, certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new PkiException("cannot encode a certificate: " + e.getMessage(), e);
            }
        }
        return text.toString();
    }

    /** PKCS#8 ("BEGIN PRIVATE KEY"), unencrypted: the files are protected by their permissions, as Keycloak reads them. */
    static String privateKey(PrivateKey key) {
        return encode(PRIVATE_KEY, key.getEncoded());
    }

    static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : blocks(Files.readString(file, StandardCharsets.US_ASCII), CERTIFICATE)) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (IOException e) {
            throw PkiException.io("read", file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PkiException("cannot read a certificate in " + file + ": " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw PkiException.badInput("no PEM certificate in " + file);
        }
        return certificates;
    }

    static PrivateKey readPrivateKey(Path file) {
        try {
            List<byte[]> keys = blocks(Files.readString(file, StandardCharsets.US_ASCII), PRIVATE_KEY);
            if (keys.isEmpty()) {
                throw new PkiException("no PKCS#8 private key in " + file);
            }
            return KeyFactory.getInstance(SandboxProfile.KEY_ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(keys.get(0)));
        } catch (IOException e) {
            throw PkiException.io("read", file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PkiException("cannot read the private key in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static List<byte[]> blocks(String text, String label) {
        Pattern block = Pattern.compile("-----BEGIN " + label + "-----(.*?)-----END " + label + "-----", Pattern.DOTALL);
        List<byte[]> found = new ArrayList<>();
        Matcher matcher = block.matcher(text);
        while (matcher.find()) {
            found.add(Base64.getMimeDecoder().decode(matcher.group(1)));
        }
        return found;
    }
}
