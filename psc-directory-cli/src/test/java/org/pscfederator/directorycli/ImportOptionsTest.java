package org.pscfederator.directorycli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

class ImportOptionsTest {

    @TempDir
    Path folder;

    @Test
    void serverImportIsTheDefaultAndTheSourceIsTheFileName() throws Exception {
        Path file = Files.writeString(folder.resolve("PS_LibreAcces_Personne_activite_202611.txt"), "x");

        ImportOptions options = parse(file.toString());

        assertThat(options.direct()).isFalse();
        assertThat(options.server()).hasToString(ImportOptions.DEFAULT_SERVER);
        assertThat(options.source()).isEqualTo("PS_LibreAcces_Personne_activite_202611.txt");
        assertThat(options.directoryName()).isEqualTo("national");
    }

    @Test
    void databaseImportTakesAPostgresOrH2Url() throws Exception {
        Path file = Files.writeString(folder.resolve("staff.txt"), "x");

        ImportOptions options = parse(file.toString(), "--staff", "--db-url",
                "jdbc:postgresql://127.0.0.1:5432/keycloak", "--db-username", "keycloak");

        assertThat(options.direct()).isTrue();
        assertThat(options.directoryName()).isEqualTo("staff");
        assertThatThrownBy(() -> parse(file.toString(), "--db-url",
                "jdbc:mysql://127.0.0.1/keycloak")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("PostgreSQL or H2");
    }

    @Test
    void remoteServerNeedsToBeAllowed() throws Exception {
        Path file = Files.writeString(folder.resolve("f.txt"), "x");

        assertThatThrownBy(() -> parse(file.toString(), "--server",
                "https://psc.example.org/auth")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("--allow-remote");
        assertThat(parse(file.toString(), "--server", "https://psc.example.org/auth/",
                "--allow-remote").server()).hasToString("https://psc.example.org/auth");
    }

    @Test
    void badCommandLinesAreOneLineAndExitTwo() throws Exception {
        Path file = Files.writeString(folder.resolve("f.txt"), "x");

        assertThat(refusal("import")).isEqualTo("psc-directory: error: which file? usage: psc-directory import FILE "
                + "[options]");
        assertThat(refusal("import", folder.resolve("missing.txt").toString())).contains("cannot read");
        assertThat(refusal("import", file.toString(), "--wat")).isEqualTo("psc-directory: error: unknown option --wat "
                + "(see psc-directory import --help)");
        assertThat(refusal("import", file.toString(), "--db-url")).isEqualTo("psc-directory: error: --db-url needs a "
                + "value");
        assertThat(refusal("import", file.toString(), "--realm", "a/../b")).contains("not a realm name");
        assertThat(refusal("import", file.toString(), file.toString())).contains("one file per import");
    }

    @Test
    void helpPrintsTheImportOptionsAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new DirectoryCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run(new String[] {"import", "--help"});

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: psc-directory import FILE [options]");
    }

    private static ImportOptions parse(String... args) {
        return ImportOptions.from(CommandLine.populateCommand(new ImportOptions.Given(), args));
    }

    /** The one line a refused command line prints, after checking it exits 2 and prints nothing else. */
    private static String refusal(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DirectoryCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        assertThat(code).isEqualTo(DirectoryCommand.USAGE);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1);
        return err.toString(StandardCharsets.UTF_8).strip();
    }
}
