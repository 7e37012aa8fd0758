package org.pscfederator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.testpki.CaRole;
import org.pscfederator.testpki.TestPki;

/** The command line alone: no server is reached (the port given is closed), so every refusal here is local. */
class AdminCommandTest {

    private static final String NO_SERVER = "https://localhost:1/auth";

    @TempDir
    Path folder;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return new AdminCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment).run(args);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpAndBadCommandLinesExitWithTwo() {
        assertThat(run(Map.of())).isEqualTo(2);
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("client register", "PSC_ADMIN_PASSWORD");
        assertThat(run(Map.of(), "clients")).isEqualTo(2);
        assertThat(run(Map.of(), "client", "delete", "--client-id", "x")).isEqualTo(2);
        assertThat(run(Map.of(), "client", "show")).isEqualTo(2);
        assertThat(errors()).contains("--client-id is required");
        assertThat(run(Map.of(), "client", "show", "--client-id", "x", "--password", "admin")).isEqualTo(2);
        assertThat(errors()).contains("unknown option --password");
        assertThat(run(Map.of(), "client", "show", "--client-id", "x", "--server", "http://localhost:8080/auth"))
                .isEqualTo(2);
        assertThat(errors()).contains("not an https URL");
    }

    @Test
    void anUnreadableCertificateFileExitsWithTwo() {
        int code = run(Map.of("PSC_ADMIN_PASSWORD", "x"), "client", "register", "--client-id", "svc",
                "--redirect-uri", "https://rp.example/cb", "--cert", folder.resolve("missing.pem").toString(),
                "--server", NO_SERVER);

        assertThat(code).isEqualTo(2);
        assertThat(errors()).startsWith("psc-admin: error: --cert: cannot read").doesNotContain("Exception");
    }

    @Test
    void aCaCertificateIsRefusedLocallyBeforeAnyServerIsAsked() {
        TestPki pki = SandboxCertificates.pki(folder);

        int code = run(Map.of("PSC_ADMIN_PASSWORD", "x"), "client", "register", "--client-id", "svc",
                "--redirect-uri", "https://rp.example/cb", "--cert",
                pki.caCertificateFile(CaRole.ORGANISATIONS).toString(), "--server", NO_SERVER);

        assertThat(code).isEqualTo(1);
        assertThat(errors()).startsWith("psc-admin: error: the certificate").contains("is a CA certificate")
                .doesNotContain("cannot reach");
    }

    @Test
    void withoutAPasswordNothingIsAsked() {
        int code = run(Map.of(), "client", "show", "--client-id", "svc", "--server", NO_SERVER);

        assertThat(code).isEqualTo(2);
        assertThat(errors()).contains("set PSC_ADMIN_PASSWORD");
    }

    @Test
    void anUnreachableServerIsOneLine() {
        int code = run(Map.of("PSC_ADMIN_PASSWORD", "x"), "client", "show", "--client-id", "svc", "--server",
                NO_SERVER);

        assertThat(code).isEqualTo(1);
        assertThat(errors().strip()).isEqualTo("psc-admin: error: cannot reach " + NO_SERVER
                + ": is the server running?");
    }
}
