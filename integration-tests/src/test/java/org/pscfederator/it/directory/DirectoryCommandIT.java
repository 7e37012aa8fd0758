package org.pscfederator.it.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.DirectoryTool;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

/**
 * Directory import from the command line (bin/psc-directory import FILE, with progress and a summary): the tool
 * against the real server's admin endpoint, as an operator of the sandbox runs it.
 */
@Tag("psc-directory")
@ExtendWith(SandboxServerExtension.class)
class DirectoryCommandIT {

    private static final Map<String, String> ADMIN = Map.of("PSC_ADMIN_PASSWORD", SandboxServer.ADMIN_PASSWORD);

    @Test
    void importThroughTheServerActivatesTheFileAndPrintsASummary(SandboxServer server) throws Exception {
        Launcher.Result result = importFile(server, ADMIN, DirectoryImportContract.sandboxFile());

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdout()).contains("imported, now the directory").contains("16 professionals")
                .contains("0 errors");
        assertThat(result.stderr()).contains("sending").contains("realm esante-wallet");
        assertThat(server.getJson(server.realmUrl() + "/psc-directory/status", server.adminToken())
                .at("/national/source").asText()).isEqualTo("PS_LibreAcces_Personne_activite_sandbox.txt");
    }

    @Test
    void skippedLineIsPrintedWithItsNumberAndReason(SandboxServer server) throws Exception {
        List<String> lines = Files.readAllLines(DirectoryImportContract.sandboxFile(), StandardCharsets.UTF_8);
        lines.set(2, "8|99999|899999|M|");
        Path file = write("one-bad-line.txt", String.join("\n", lines) + "\n");

        Launcher.Result result = importFile(server, ADMIN, file);

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdout()).contains("1 errors").containsPattern("line 3: ERROR .*columns.*line skipped");
        importFile(server, ADMIN, DirectoryImportContract.sandboxFile());
    }

    @Test
    void refusedFileExitsNonZeroAndKeepsTheDirectory(SandboxServer server) throws Exception {
        importFile(server, ADMIN, DirectoryImportContract.sandboxFile());
        long before = DirectoryImportContract.professionals(server);

        Launcher.Result result = importFile(server, ADMIN, write("empty.txt", ""));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("REFUSED, the previous directory is kept").contains("empty file");
        assertThat(DirectoryImportContract.professionals(server)).isEqualTo(before);
    }

    @Test
    void fileLargerThanTheServerAcceptsIsSentToTheDatabaseImport(SandboxServer server) throws Exception {
        importFile(server, ADMIN, DirectoryImportContract.sandboxFile());
        long before = DirectoryImportContract.professionals(server);
        Path large = DirectoryTool.synthetic("larger-than-a-request.txt", 20_000, 30_000);
        assertThat(Files.size(large)).isGreaterThan(10L << 20);

        Launcher.Result result = importFile(server, ADMIN, large);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("request limit").contains("--db-url");
        assertThat(DirectoryImportContract.professionals(server)).isEqualTo(before);
    }

    @Test
    void wrongAdminPasswordChangesNothing(SandboxServer server) throws Exception {
        importFile(server, ADMIN, DirectoryImportContract.sandboxFile());
        long before = DirectoryImportContract.professionals(server);

        Launcher.Result result = importFile(server, Map.of("PSC_ADMIN_PASSWORD", "not-the-password"),
                write("empty-again.txt", ""));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("refused the admin login");
        assertThat(DirectoryImportContract.professionals(server)).isEqualTo(before);
    }

    @Test
    void badCommandLinesAreUsageErrors() throws Exception {
        assertThat(DirectoryTool.run(Map.of(), "import").stderr()).contains("which file?");
        assertThat(DirectoryTool.run(Map.of(), "import", "no-such-file.txt").exitCode()).isEqualTo(2);
        Launcher.Result both = DirectoryTool.run(Map.of(), "import", DirectoryImportContract.sandboxFile().toString(),
                "--db-url", "jdbc:postgresql://127.0.0.1/x", "--server", "https://localhost:1/auth");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.stderr()).contains("choose one");
        Launcher.Result remote = DirectoryTool.run(Map.of(), "import",
                DirectoryImportContract.sandboxFile().toString(), "--server", "https://psc.example.org/auth");
        assertThat(remote.exitCode()).isEqualTo(2);
        assertThat(remote.stderr()).contains("--allow-remote");
    }

    private static Launcher.Result importFile(SandboxServer server, Map<String, String> env, Path file)
            throws Exception {
        return DirectoryTool.run(env, "import", file.toString(), "--server", server.baseUrl(), "--cacert",
                server.caBundle().toString());
    }

    private static Path write(String name, String content) throws Exception {
        Path file = Launcher.workDir().resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
