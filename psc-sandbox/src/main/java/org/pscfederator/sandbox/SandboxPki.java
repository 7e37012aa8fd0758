package org.pscfederator.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateParsingException;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

import org.pscfederator.realmconfig.TrustMaterial;
import org.pscfederator.testpki.CaRole;
import org.pscfederator.testpki.CertificateFile;
import org.pscfederator.testpki.SandboxProfile;
import org.pscfederator.testpki.TestPki;

/** The sandbox's trust material, made on first start by the test PKI and kept afterwards. */
final class SandboxPki {

    /** The subject-alternative-name type of an IP address (RFC 5280 iPAddress). */
    private static final Integer IP_ADDRESS = 7;

    private final TestPki pki;

    private SandboxPki(TestPki pki) {
        this.pki = pki;
    }

    /**
     * {@code managementAddress}: where the management interface listens; named in the server certificate when it is
     * one address off the loopback interface, so that the launcher's readiness check can verify it.
     */
    static SandboxPki prepare(Path pkiDir, List<String> extraHosts, String managementAddress) {
        SandboxPki sandboxPki = new SandboxPki(TestPki.createOrOpen(pkiDir));
        List<String> dnsNames = new ArrayList<>(List.of("localhost"));
        dnsNames.addAll(extraHosts);
        List<String> addresses = new ArrayList<>(List.of("127.0.0.1", "::1"));
        InetAddress management = literal(managementAddress);
        if (!management.isAnyLocalAddress() && !management.isLoopbackAddress()) {
            addresses.add(managementAddress);
        }
        if (!Files.exists(sandboxPki.serverKey()) || !sandboxPki.serverCertificateNames(dnsNames, addresses)) {
            sandboxPki.pki.issueServer(dnsNames, addresses);
        }
        SandboxCards.issueMissing(sandboxPki.pki);
        SandboxClients.issueMissing(sandboxPki.pki);
        return sandboxPki;
    }

    /** Whether the server certificate on disk names all these hosts (a new --host or --wallet-host needs a new one). */
    private boolean serverCertificateNames(List<String> dnsNames, List<String> addresses) {
        if (!Files.exists(serverCertificate())) {
            return false;
        }
        try {
            Collection<List<?>> names = CertificateFile.read(serverCertificate()).getSubjectAlternativeNames();
            List<Object> present = new ArrayList<>();
            if (names != null) {
                names.forEach(name -> present.add(IP_ADDRESS.equals(name.get(0))
                        ? literal((String) name.get(1)) : name.get(1)));
            }
            return present.containsAll(dnsNames)
                    && present.containsAll(addresses.stream().map(SandboxPki::literal).toList());
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /** An address literal as an {@link InetAddress}, so that two spellings of one IPv6 address compare equal. */
    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new SandboxException("not an IP address: " + address);
        }
    }

    Path serverCertificate() {
        return pki.pkiDir().resolve("server").resolve("server.crt.pem");
    }

    Path serverKey() {
        return pki.pkiDir().resolve("server").resolve("server.key.pem");
    }

    /** The sandbox server certificate's key, for the TLS front. */
    X509KeyManager serverKey509() {
        try {
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(pki.pkiDir().resolve("server").resolve("server.p12"))) {
                keystore.load(in, SandboxProfile.PASSWORD.toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keystore, SandboxProfile.PASSWORD.toCharArray());
            return (X509KeyManager) keys.getKeyManagers()[0];
        } catch (IOException | GeneralSecurityException e) {
            throw new SandboxException("cannot load the sandbox server certificate: " + e.getMessage());
        }
    }

    /** The TLS front's trust for client certificates: any, the sandbox CAs named as the hint for browsers. */
    AnyClientCertificate anyClientCertificate() {
        return new AnyClientCertificate(List.of(pki.caCertificate(CaRole.PERSONS),
                pki.caCertificate(CaRole.ORGANISATIONS), pki.caCertificate(CaRole.ROOT)));
    }

    /** How the front reaches Keycloak: TLS trusting the sandbox CAs only. */
    X509TrustManager keycloakTrust() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(pki.trustStore())) {
                store.load(in, SandboxProfile.PASSWORD.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return (X509TrustManager) trust.getTrustManagers()[0];
        } catch (IOException | GeneralSecurityException e) {
            throw new SandboxException("cannot load the sandbox trust store: " + e.getMessage());
        }
    }

    /** sandbox-rp's certificate binding, for the realm. */
    String sandboxRpBindings() {
        return SandboxClients.bindings(pki);
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
            } catch (IOException e) {
                throw new SandboxException("cannot read " + pem + ": " + e.getMessage());
            }
        }
        return text.toString();
    }
}
