package org.pscfederator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pscfederator.testpki.CertificateFile;

class SandboxPkiTest {

    @TempDir
    Path pkiDir;

    /** Loopback and every-interface management addresses need no name of their own in the certificate. */
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "::1"})
    void secondStartKeepsTheServerCertificate(String managementAddress) throws Exception {
        SandboxPki first = SandboxPki.prepare(pkiDir, List.of(), "127.0.0.1");
        String certificate = Files.readString(first.serverCertificate());

        SandboxPki.prepare(pkiDir, List.of(), managementAddress);

        assertThat(Files.readString(first.serverCertificate())).isEqualTo(certificate);
    }

    @Test
    void newHostGetsAServerCertificateNamingIt() throws Exception {
        SandboxPki.prepare(pkiDir, List.of(), "127.0.0.1");

        SandboxPki withHost = SandboxPki.prepare(pkiDir, List.of("sandbox.example"), "127.0.0.1");

        List<Object> names = new ArrayList<>();
        CertificateFile.read(withHost.serverCertificate()).getSubjectAlternativeNames().forEach(n -> names.add(n.get(1)));
        assertThat(names).contains("localhost", "sandbox.example");
    }

    @Test
    void aWalletHostIsNamedBesideThePublicHost() throws Exception {
        SandboxPki.prepare(pkiDir, List.of("sandbox.example"), "127.0.0.1");

        SandboxPki withWallet = SandboxPki.prepare(pkiDir, List.of("sandbox.example", "wallet.sandbox.example"),
                "127.0.0.1");

        List<Object> names = new ArrayList<>();
        CertificateFile.read(withWallet.serverCertificate()).getSubjectAlternativeNames()
                .forEach(n -> names.add(n.get(1)));
        assertThat(names).contains("localhost", "sandbox.example", "wallet.sandbox.example");
    }

    /** The launcher's readiness check verifies the management interface's certificate on that address. */
    @Test
    void managementAddressOffLoopbackIsNamedInTheServerCertificate() throws Exception {
        SandboxPki.prepare(pkiDir, List.of(), "127.0.0.1");

        SandboxPki opened = SandboxPki.prepare(pkiDir, List.of(), "192.0.2.10");

        List<Object> names = new ArrayList<>();
        CertificateFile.read(opened.serverCertificate()).getSubjectAlternativeNames().forEach(n -> names.add(n.get(1)));
        assertThat(names).contains("localhost", "127.0.0.1", "192.0.2.10");
    }

    @Test
    void trustMaterialIsEachIssuingCaWithTheRoot() throws Exception {
        SandboxPki pki = SandboxPki.prepare(pkiDir, List.of(), "127.0.0.1");
        Path ca = pkiDir.resolve("ca");

        assertThat(pki.trustMaterial().cardTrustAnchors())
                .isEqualTo(Files.readString(ca.resolve("persons-ca.pem")) + Files.readString(ca.resolve("root-ca.pem")));
        assertThat(pki.trustMaterial().clientTrustAnchors())
                .isEqualTo(Files.readString(ca.resolve("org-ca.pem")) + Files.readString(ca.resolve("root-ca.pem")));
    }
}
