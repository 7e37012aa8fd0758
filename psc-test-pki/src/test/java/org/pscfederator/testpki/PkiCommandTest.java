package org.pscfederator.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiCommandTest {

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = PkiCommand.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return code;
    }

    private String pkiDir() {
        return dir.resolve("pki").toString();
    }

    private void assertOneErrorLine(String reason) {
        assertThat(err).startsWith("psc-pki: error: ").contains(reason).endsWith(System.lineSeparator());
        assertThat(err.strip().lines()).hasSize(1);
        assertThat(out).isEmpty();
    }

    @Test
    void cliRejectsUnknownOptionWithOneLine() {
        assertThat(run("--pki-dir", pkiDir(), "init")).isZero();

        assertThat(run("--pki-dir", pkiDir(), "card", "--idnat", "899700366240", "--colour", "red")).isEqualTo(2);

        assertOneErrorLine("unknown option --colour (see psc-pki card --help)");
    }

    @Test
    void cliRejectsUnknownCommandAndMissingValue() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertOneErrorLine("unknown command frobnicate");

        assertThat(run("--pki-dir", pkiDir(), "card", "--idnat")).isEqualTo(2);
        assertOneErrorLine("--idnat needs a value");

        assertThat(run()).isEqualTo(2);
        assertOneErrorLine("no command given");
    }

    @Test
    void cliRejectsPathTraversalInIdNat() {
        assertThat(run("--pki-dir", pkiDir(), "init")).isZero();

        assertThat(run("--pki-dir", pkiDir(), "card", "--idnat", "../../../tmp/evil")).isEqualTo(2);

        assertOneErrorLine("invalid idNat '../../../tmp/evil'");
        assertThat(dir.resolve("pki/cards")).doesNotExist();
    }

    @Test
    void cliRejectsInvalidClientId() {
        assertThat(run("--pki-dir", pkiDir(), "init")).isZero();

        assertThat(run("--pki-dir", pkiDir(), "client", "--client-id", "../x")).isEqualTo(2);

        assertOneErrorLine("invalid client id");
    }

    @Test
    void cliNeedsAnExistingPkiForOtherCommands() {
        assertThat(run("--pki-dir", pkiDir(), "card", "--idnat", "899700366240")).isEqualTo(2);

        assertOneErrorLine("no test PKI at ");
        assertThat(dir.resolve("pki")).doesNotExist();
    }

    @Test
    void cliReportsAnUnwritableDirectoryAsBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

        assertThat(run("--pki-dir", file.resolve("pki").toString(), "init")).isEqualTo(2);

        assertOneErrorLine("cannot create the directory");
    }

    @Test
    void cliRejectsContradictoryValidity() {
        assertThat(run("--pki-dir", pkiDir(), "init")).isZero();

        assertThat(run("--pki-dir", pkiDir(), "card", "--idnat", "899700366240", "--expired", "--not-yet-valid"))
                .isEqualTo(2);

        assertOneErrorLine("cannot be used together");
    }

    @Test
    void cliIssuesCardsThatAVerifierMustRefuse() throws Exception {
        assertThat(run("--pki-dir", pkiDir(), "init")).isZero();

        assertThat(run("--pki-dir", pkiDir(), "card", "--idnat", "899700366240", "--without-policy")).isZero();
        assertThat(out).contains("cards/899700366240-without-policy.p12").contains("without the card policy");
        assertThat(run("--pki-dir", pkiDir(), "card", "--idnat", "899700366240", "--lookalike")).isZero();
        assertThat(out).contains("cards/899700366240-lookalike.p12").contains("lookalike");
        X509Certificate lookalike = CertificateFile.read(dir.resolve("pki/cards/899700366240-lookalike.p12"));
        X509Certificate personsCa = TestPki.open(dir.resolve("pki")).caCertificate(CaRole.PERSONS);
        assertThat(lookalike.getIssuerX500Principal()).isEqualTo(personsCa.getSubjectX500Principal());
        assertThatThrownBy(() -> lookalike.verify(personsCa.getPublicKey())).as("signed by another key")
                .isInstanceOf(java.security.SignatureException.class);
        assertThat(run("--pki-dir", pkiDir(), "card", "--idnat", "899700366240", "--lookalike", "--revoked"))
                .isEqualTo(2);
    }

    @Test
    void cliIssuesACardThenRevokesItByFile() throws Exception {
        assertThat(run("--pki-dir", pkiDir(), "init")).isZero();
        assertThat(out).startsWith("wrote ").contains("root, persons and organisations CAs");

        assertThat(run("card", "--idnat=899700366240", "--given-name", "KIT", "--family-name", "DOC0036624",
                "--pki-dir", pkiDir())).isZero();
        assertThat(out.strip().lines()).hasSize(1);
        assertThat(out).contains("cards/899700366240.p12", "serial ", "CN=899700366240,GIVENNAME=KIT");
        Path pem = dir.resolve("pki/cards/899700366240.crt.pem");
        assertThat(pem).isRegularFile();

        assertThat(run("--pki-dir", pkiDir(), "revoke", "--file", pem.toString())).isZero();
        assertThat(out).startsWith("revoked serial ").contains("persons-ca.crl");

        TestPki pki = TestPki.open(dir.resolve("pki"));
        assertThat(pki.isRevoked(CertificateFile.read(dir.resolve("pki/cards/899700366240.p12")).getSerialNumber()))
                .isTrue();
    }

    @Test
    void cliIssuesServerClientAndCrls() {
        assertThat(run("--pki-dir", pkiDir(), "init")).isZero();

        assertThat(run("--pki-dir", pkiDir(), "server", "--dns", "localhost", "--dns", "psc.test", "--ip", "::1"))
                .isZero();
        assertThat(out).contains("server.p12", "names localhost psc.test 0:0:0:0:0:0:0:1");

        assertThat(run("--pki-dir", pkiDir(), "client", "--client-id", "svc", "--organisation", "CABINET M",
                "--structure-id", "R95141", "--revoked")).isZero();
        assertThat(out).contains("clients/svc.p12", "O=CABINET M,OU=R95141,CN=svc", "(revoked)");

        assertThat(run("--pki-dir", pkiDir(), "crl", "--next-update-days", "3")).isZero();
        assertThat(out).startsWith("wrote root-ca.crl, persons-ca.crl, org-ca.crl");

        assertThat(run("--pki-dir", pkiDir(), "revoke", "--serial", "zz")).isEqualTo(2);
        assertOneErrorLine("invalid serial 'zz'");
    }

    @Test
    void cliHelpPrintsUsageAndSucceeds() {
        assertThat(run("--help")).isZero();

        assertThat(out).startsWith("usage: psc-pki").contains("card --idnat ID", "never trust");
        assertThat(err).isEmpty();
        assertThat(run("card", "-h")).isZero();
        assertThat(out).startsWith("usage: psc-pki");
        assertThat(run("help")).isZero();
        assertThat(out).startsWith("usage: psc-pki");
    }
}
