package org.pscfederator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.cli.ToolRun;

/** The command line alone: no server is reached (the port given is closed), so every refusal here is local. */
class IdentityCommandTest {

    private static final String NO_SERVER = "https://localhost:1/auth";

    @TempDir
    Path folder;

    private static ToolRun run(Map<String, String> environment, String... args) {
        return ToolRun.of((out, err) -> new IdentityCommand(out, err, environment).run(args));
    }

    @Test
    void helpAndBadCommandLinesExitWithTwo() {
        ToolRun help = run(Map.of(), "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("create --profession CODE", "list", "remove IDNAT", "PSC_ADMIN_PASSWORD");
        assertThat(run(Map.of()).code()).isEqualTo(2);
        ToolRun unknown = run(Map.of(), "delete");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command delete");
        ToolRun password = run(Map.of(), "create", "--profession", "60", "--password", "admin");
        assertThat(password.code()).isEqualTo(2);
        assertThat(password.err()).contains("unknown option --password");
        ToolRun http = run(Map.of(), "list", "--server", "http://localhost:8080/auth");
        assertThat(http.code()).isEqualTo(2);
        assertThat(http.err()).contains("not an https URL");
        ToolRun noIdNat = run(Map.of(), "remove");
        assertThat(noIdNat.code()).isEqualTo(2);
        assertThat(noIdNat.err()).contains("which identity?");
        ToolRun badIdNat = run(Map.of(), "remove", "89970;rm");
        assertThat(badIdNat.code()).isEqualTo(2);
        assertThat(badIdNat.err()).contains("not an idNat");
    }

    @Test
    void aFolderWithoutTheSandboxPkiIsRefusedBeforeTheServerIsAsked() {
        ToolRun result = run(Map.of("PSC_ADMIN_PASSWORD", "admin"), "create", "--profession", "60", "--server",
                NO_SERVER, "--data-dir", folder.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("psc-identity: error: no sandbox test PKI in "
                + folder.resolve("pki") + ": give the sandbox's data folder with --data-dir (default sandbox-data,"
                + " made by bin/psc-sandbox at its first start)");
    }

    @Test
    void withoutAnAdminPasswordNothingIsAsked() throws Exception {
        Files.createDirectories(folder.resolve("pki/ca/private"));

        ToolRun result = run(Map.of(), "create", "--profession", "60", "--server", NO_SERVER, "--data-dir",
                folder.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("the admin password is needed: set PSC_ADMIN_PASSWORD");
    }

    @Test
    void anUnreachableServerIsOneLine() throws Exception {
        Files.createDirectories(folder.resolve("pki/ca/private"));

        ToolRun result = run(Map.of("PSC_ADMIN_PASSWORD", "admin"), "list", "--server", NO_SERVER, "--data-dir",
                folder.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).startsWith("psc-identity: error: cannot reach " + NO_SERVER).doesNotContain("\n");
    }
}
