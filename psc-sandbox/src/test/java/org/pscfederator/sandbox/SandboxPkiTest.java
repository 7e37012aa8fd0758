package org.pscfederator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.testpki.CertificateFile;

class SandboxPkiTest {

    @TempDir
    Path pkiDir;

    @Test
    void secondStartKeepsTheServerCertificate() throws Exception {
        SandboxPki first = SandboxPki.prepare(pkiDir, null);
        String certificate = Files.readString(first.serverCertificate());

        SandboxPki.prepare(pkiDir, null);

        assertThat(Files.readString(first.serverCertificate())).isEqualTo(certificate);
    }

    @Test
    void newHostGetsAServerCertificateNamingIt() throws Exception {
        SandboxPki.prepare(pkiDir, null);

        SandboxPki withHost = SandboxPki.prepare(pkiDir, "sandbox.example");

        List<Object> names = new ArrayList<>();
        CertificateFile.read(withHost.serverCertificate()).getSubjectAlternativeNames().forEach(n -> names.add(n.get(1)));
        assertThat(names).contains("localhost", "sandbox.example");
    }

    @Test
    void trustMaterialIsEachIssuingCaWithTheRoot() throws Exception {
        SandboxPki pki = SandboxPki.prepare(pkiDir, null);
        Path ca = pkiDir.resolve("ca");

        assertThat(pki.trustMaterial().cardTrustAnchors())
                .isEqualTo(Files.readString(ca.resolve("persons-ca.pem")) + Files.readString(ca.resolve("root-ca.pem")));
        assertThat(pki.trustMaterial().clientTrustAnchors())
                .isEqualTo(Files.readString(ca.resolve("org-ca.pem")) + Files.readString(ca.resolve("root-ca.pem")));
    }
}
