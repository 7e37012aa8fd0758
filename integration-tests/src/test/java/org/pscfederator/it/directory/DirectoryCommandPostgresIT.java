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
import org.pscfederator.it.harness.PostgresSandboxExtension;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.TestDatabase;
import org.pscfederator.directory.NationalColumn;

/**
 * Directory import by bin/psc-directory import FILE, the national-size way, straight into the PostgreSQL database of a
 * running server, which sees the new directory at once and keeps the previous one when a file is refused.
 */
@Tag("psc-directory")
@Tag("postgres")
@ExtendWith(PostgresSandboxExtension.class)
class DirectoryCommandPostgresIT {

    @Test
    void importIntoTheDatabaseIsWhatTheServerFinds(SandboxServer server, TestDatabase database) throws Exception {
        Path file = DirectoryTool.synthetic("synthetic-3000.txt", 2_000, 3_000);
        String someone = Files.readAllLines(file, StandardCharsets.UTF_8).get(1500)
                .split("\\|")[NationalColumn.IDENTIFICATION_NATIONALE_PP.ordinal()];
        try {
            Launcher.Result result = importIntoDatabase(database, file);

            assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
            assertThat(result.stdout()).contains("imported, now the directory").contains("3,000 lines read")
                    .contains("2,000 professionals").containsPattern("peak heap \\d+ MB of 512 MB");
            assertThat(result.stderr()).contains("importing").contains("national directory of "
                    + database.jdbcUrl().replaceAll("[?;].*", ""));
            assertThat(DirectoryImportContract.professionals(server)).as("and the sandbox's 2 staff card holders")
                    .isEqualTo(2_002);
            assertThat(server.get(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM + "/users/f:"
                    + DirectoryImportContract.COMPONENT_ID + ":" + someone, server.adminToken()).statusCode())
                    .isEqualTo(200);
        } finally {
            assertThat(importIntoDatabase(database, DirectoryImportContract.sandboxFile()).exitCode()).isZero();
        }
        assertThat(server.get(server.baseUrl() + "/admin/realms/" + SandboxServer.REALM + "/users/f:"
                + DirectoryImportContract.COMPONENT_ID + ":" + someone, server.adminToken()).statusCode())
                .as("missing from the newer file, gone").isEqualTo(404);
    }

    @Test
    void truncatedFileIsRefusedAndTheServerKeepsThePreviousDirectory(SandboxServer server, TestDatabase database)
            throws Exception {
        assertThat(importIntoDatabase(database, DirectoryImportContract.sandboxFile()).exitCode()).isZero();
        long before = DirectoryImportContract.professionals(server);
        List<String> lines = Files.readAllLines(DirectoryImportContract.sandboxFile(), StandardCharsets.UTF_8);
        String text = String.join("\n", lines);
        Path truncated = Launcher.workDir().resolve("truncated.txt");
        Files.writeString(truncated, text.substring(0, text.length() - 30), StandardCharsets.UTF_8);

        Launcher.Result result = importIntoDatabase(database, truncated);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("REFUSED, the previous directory is kept")
                .containsPattern("line " + lines.size() + ": FATAL truncated last line");
        assertThat(DirectoryImportContract.professionals(server)).isEqualTo(before);
    }

    @Test
    void unreachableDatabaseIsAClearFailure() throws Exception {
        Launcher.Result result = DirectoryTool.run(Map.of("PSC_DB_PASSWORD", "secret-password"), "import",
                DirectoryImportContract.sandboxFile().toString(), "--db-url",
                "jdbc:postgresql://127.0.0.1:1/none?password=secret-in-url", "--db-username", "nobody");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("FAILED: cannot open the directory in the database");
        assertThat(result.stdout() + result.stderr()).doesNotContain("secret");
    }

    private static Launcher.Result importIntoDatabase(TestDatabase database, Path file) throws Exception {
        return DirectoryTool.run(Map.of(), "import", file.toString(), "--db-url", database.jdbcUrl(),
                "--db-username", database.user());
    }
}
