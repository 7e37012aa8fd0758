package org.pscfederator.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The TLS front's client key towards Keycloak: Keycloak requires a client certificate and trusts this one only, so
 * no other local process can even open a TLS connection to it, let alone hand it a card in the certificate header.
 * Made afresh at each start and kept in memory: only its certificate reaches the disk, in Keycloak's trust store.
 */
final class FrontIdentity {

    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final String ALIAS = "psc-sandbox-front";

    private final KeyPair keys;
    private final X509Certificate certificate;
    /** The trust store holds no secret, but PKCS#12 wants a password: a fresh one, given through the environment. */
    private final String trustStorePassword;

    private FrontIdentity(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        this.trustStorePassword = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static FrontIdentity generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=psc-sandbox TLS front");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(128, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new FrontIdentity(keys, certificate);
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new SandboxException("cannot make the TLS front's key: " + e.getMessage());
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** The key the front presents to Keycloak. */
    X509KeyManager keyManager() {
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, keys.getPrivate(), password, new X509Certificate[] {certificate});
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return (X509KeyManager) factory.getKeyManagers()[0];
        } catch (IOException | GeneralSecurityException e) {
            throw new SandboxException("cannot load the TLS front's key: " + e.getMessage());
        }
    }

    String trustStorePassword() {
        return trustStorePassword;
    }

    /**
     * Writes the key and its certificate as one PEM file, for a front that reads its key from disk (HAProxy's
     * {@code crt}): readable by its owner only, and made afresh at each start like the key.
     */
    void writePem(Path file) {
        Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try {
            String text = "-----BEGIN CERTIFICATE-----\n" + pem.encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n"
                    + pem.encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException | GeneralSecurityException e) {
            throw new SandboxException("cannot write the front's key " + file + ": " + e.getMessage());
        }
    }

    /** Writes Keycloak's trust store for client certificates: this certificate and nothing else. */
    void writeTrustStore(Path file) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(ALIAS, certificate);
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, trustStorePassword.toCharArray());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new SandboxException("cannot write Keycloak's trust store " + file + ": " + e.getMessage());
        }
    }
}
