package org.pscfederator.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;

import org.pscfederator.realmconfig.TrustMaterial;
import org.pscfederator.testpki.CaRole;
import org.pscfederator.testpki.CertificateFile;
import org.pscfederator.testpki.SandboxProfile;
import org.pscfederator.testpki.TestPki;

/** The sandbox's trust material, made on first start by the test PKI and kept afterwards. */
final class SandboxPki {

    private final TestPki pki;

    private SandboxPki(TestPki pki) {
        this.pki = pki;
    }

    static SandboxPki prepare(Path pkiDir, String extraHost) {
        SandboxPki sandboxPki = new SandboxPki(TestPki.createOrOpen(pkiDir));
        List<String> dnsNames = new ArrayList<>(List.of("localhost"));
        if (extraHost != null) {
            dnsNames.add(extraHost);
        }
        if (!Files.exists(sandboxPki.serverKey()) || !sandboxPki.serverCertificateNames(dnsNames)) {
            sandboxPki.pki.issueServer(dnsNames, List.of("127.0.0.1", "::1"));
        }
        SandboxCards.issueMissing(sandboxPki.pki);
        return sandboxPki;
    }

    /** Whether the server certificate on disk names all these hosts (a new --host needs a new certificate). */
    private boolean serverCertificateNames(List<String> dnsNames) {
        if (!Files.exists(serverCertificate())) {
            return false;
        }
        try {
            Collection<List<?>> names = CertificateFile.read(serverCertificate()).getSubjectAlternativeNames();
            List<Object> present = new ArrayList<>();
            if (names != null) {
                names.forEach(name -> present.add(name.get(1)));
            }
            return present.containsAll(dnsNames);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    Path serverCertificate() {
        return pki.pkiDir().resolve("server").resolve("server.crt.pem");
    }

    Path serverKey() {
        return pki.pkiDir().resolve("server").resolve("server.key.pem");
    }

    /**
     * The TLS front's context: the sandbox server certificate, and any client certificate let through (the login
     * checks it), the sandbox CAs named as the hint for browsers.
     */
    javax.net.ssl.SSLContext frontTls() {
        try {
            java.security.KeyStore keystore = java.security.KeyStore.getInstance("PKCS12");
            try (java.io.InputStream in = Files.newInputStream(pki.pkiDir().resolve("server").resolve("server.p12"))) {
                keystore.load(in, SandboxProfile.PASSWORD.toCharArray());
            }
            javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keystore, SandboxProfile.PASSWORD.toCharArray());
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), new javax.net.ssl.TrustManager[] {new AnyClientCertificate(List.of(
                    pki.caCertificate(CaRole.PERSONS), pki.caCertificate(CaRole.ORGANISATIONS),
                    pki.caCertificate(CaRole.ROOT)))}, null);
            return context;
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new SandboxException("cannot load the sandbox server certificate: " + e.getMessage());
        }
    }

    /** How the front reaches Keycloak: TLS trusting the sandbox CAs only. */
    javax.net.ssl.SSLContext keycloakTls() {
        try {
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            try (java.io.InputStream in = Files.newInputStream(pki.trustStore())) {
                store.load(in, SandboxProfile.PASSWORD.toCharArray());
            }
            trust.init(store);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new SandboxException("cannot load the sandbox trust store: " + e.getMessage());
        }
    }

    Path trustStore() {
        return pki.trustStore();
    }

    Path caBundle() {
        return pki.caBundle();
    }

    /**
     * Card login trusts the persons' CA; relying-service authentication the organisations' CA; both under the test
     * root, with the sandbox policies and the test PKI's CRL files, which the launcher signs again at each start.
     */
    TrustMaterial trustMaterial() {
        Path ca = pki.pkiDir().resolve("ca");
        String root = pki.crlFile(CaRole.ROOT).toAbsolutePath().toString();
        return new TrustMaterial(
                bundle(ca.resolve("persons-ca.pem"), ca.resolve("root-ca.pem")),
                bundle(ca.resolve("org-ca.pem"), ca.resolve("root-ca.pem")),
                SandboxProfile.POLICY_PERSON_AUTHENTICATION, SandboxProfile.POLICY_ORG_AUTH_CLI,
                pki.crlFile(CaRole.PERSONS).toAbsolutePath() + "," + root,
                pki.crlFile(CaRole.ORGANISATIONS).toAbsolutePath() + "," + root);
    }

    private static String bundle(Path... pems) {
        StringBuilder text = new StringBuilder();
        for (Path pem : pems) {
            try {
                text.append(Files.readString(pem));
            } catch (java.io.IOException e) {
                throw new SandboxException("cannot read " + pem + ": " + e.getMessage());
            }
        }
        return text.toString();
    }
}
