package org.pscfederator.directorycli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole command on an H2 file database: generate a file, import it, import a bad one. */
class DirectoryCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private String dbUrl;

    @BeforeEach
    void database() {
        dbUrl = "jdbc:h2:" + folder.resolve("db/keycloakdb").toAbsolutePath();
    }

    @Test
    void generatedFileImportsWithASummary() throws Exception {
        Path file = folder.resolve("synthetic.txt");
        assertThat(run("generate", file.toString(), "--professionals", "300", "--lines", "500")).isZero();
        assertThat(stdout()).contains("wrote " + file).contains("300 professionals, 500 lines");

        int exit = run("import", file.toString(), "--db-url", dbUrl, "--json");

        assertThat(exit).as(stderr()).isZero();
        JsonNode summary = new ObjectMapper().readTree(lastLine());
        assertThat(summary.get("activated").asBoolean()).isTrue();
        assertThat(summary.get("linesRead").asLong()).isEqualTo(500);
        assertThat(summary.get("professionals").asLong()).isEqualTo(300);
        assertThat(summary.get("peakHeapBytes").asLong()).isPositive();
        assertThat(stderr()).contains("importing " + file).contains("national directory of " + dbUrl);
    }

    @Test
    void refusedFileExitsOneAndTellsTheLine() throws Exception {
        Path file = folder.resolve("synthetic.txt");
        run("generate", file.toString(), "--professionals", "10", "--lines", "10");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.writeString(file, String.join("\n", lines).substring(0, String.join("\n", lines).length() - 5),
                StandardCharsets.UTF_8);

        int exit = run("import", file.toString(), "--db-url", dbUrl);

        assertThat(exit).isEqualTo(DirectoryCommand.FAILED);
        assertThat(stdout()).contains("REFUSED, the previous directory is kept")
                .contains("line " + lines.size() + ": FATAL truncated last line");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("export")).isEqualTo(DirectoryCommand.USAGE);
        assertThat(stderr()).contains("unknown command export");
        assertThat(run("generate", folder.resolve("x.txt").toString(), "--lines", "many"))
                .isEqualTo(DirectoryCommand.USAGE);
        assertThat(run("generate", folder.resolve("x.txt").toString(), "--professionals", "10", "--lines", "5"))
                .isEqualTo(DirectoryCommand.USAGE);
        assertThat(Files.exists(folder.resolve("x.txt"))).isFalse();
    }

    private int run(String... args) {
        return new DirectoryCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String lastLine() {
        String[] lines = stdout().strip().split("\n");
        return lines[lines.length - 1];
    }
}
