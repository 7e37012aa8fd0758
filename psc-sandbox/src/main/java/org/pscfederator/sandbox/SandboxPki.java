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
