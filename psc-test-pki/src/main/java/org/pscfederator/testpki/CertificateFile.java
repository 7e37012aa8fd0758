package org.pscfederator.testpki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;

/** Reads the leaf certificate of a file the test PKI wrote: a {@code .p12} (sandbox password) or a PEM file. */
public final class CertificateFile {

    private CertificateFile() {
    }

    public static X509Certificate read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw PkiException.badInput("no such file: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            return fromPkcs12(file);
        }
        if (name.endsWith(".pem") || name.endsWith(".crt")) {
            return Pem.readCertificates(file).get(0);
        }
        throw PkiException.badInput("cannot read a certificate from " + file + ": expected a .p12 or .pem file");
    }

    private static X509Certificate fromPkcs12(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, SandboxProfile.PASSWORD.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Certificate certificate = store.getCertificate(alias);
                    if (certificate instanceof X509Certificate x509) {
                        return x509;
                    }
                }
            }
            throw PkiException.badInput("no key entry in " + file);
        } catch (IOException e) {
            throw PkiException.badInput("cannot open " + file + " with the sandbox password: " + PkiException.describe(e));
        } catch (GeneralSecurityException e) {
            throw PkiException.badInput("cannot read " + file + ": " + e.getMessage());
        }
    }
}
