package org.pscfederator.directory.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportOptionsTest {

    @TempDir
    Path folder;

    @Test
    void serverImportIsTheDefaultAndTheSourceIsTheFileName() throws Exception {
        Path file = Files.writeString(folder.resolve("PS_LibreAcces_Personne_activite_202611.txt"), "x");

        ImportOptions options = ImportOptions.parse(new String[] {file.toString()});

        assertThat(options.direct()).isFalse();
        assertThat(options.server()).hasToString(ImportOptions.DEFAULT_SERVER);
        assertThat(options.source()).isEqualTo("PS_LibreAcces_Personne_activite_202611.txt");
        assertThat(options.directoryName()).isEqualTo("national");
    }

    @Test
    void databaseImportTakesAPostgresOrH2Url() throws Exception {
        Path file = Files.writeString(folder.resolve("staff.txt"), "x");

        ImportOptions options = ImportOptions.parse(new String[] {file.toString(), "--staff", "--db-url",
                "jdbc:postgresql://127.0.0.1:5432/keycloak", "--db-username", "keycloak"});

        assertThat(options.direct()).isTrue();
        assertThat(options.directoryName()).isEqualTo("staff");
        assertThatThrownBy(() -> ImportOptions.parse(new String[] {file.toString(), "--db-url",
                "jdbc:mysql://127.0.0.1/keycloak"})).isInstanceOf(UsageException.class)
                .hasMessageContaining("PostgreSQL or H2");
    }

    @Test
    void remoteServerNeedsToBeAllowed() throws Exception {
        Path file = Files.writeString(folder.resolve("f.txt"), "x");

        assertThatThrownBy(() -> ImportOptions.parse(new String[] {file.toString(), "--server",
                "https://psc.example.org/auth"})).isInstanceOf(UsageException.class)
                .hasMessageContaining("--allow-remote");
        assertThat(ImportOptions.parse(new String[] {file.toString(), "--server", "https://psc.example.org/auth/",
                "--allow-remote"}).server()).hasToString("https://psc.example.org/auth");
    }

    @Test
    void badCommandLinesSayWhatIsWrong() throws Exception {
        Path file = Files.writeString(folder.resolve("f.txt"), "x");

        assertThatThrownBy(() -> ImportOptions.parse(new String[] {})).hasMessageContaining("which file?");
        assertThatThrownBy(() -> ImportOptions.parse(new String[] {folder.resolve("missing.txt").toString()}))
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> ImportOptions.parse(new String[] {file.toString(), "--wat"}))
                .hasMessageContaining("unknown option --wat");
        assertThatThrownBy(() -> ImportOptions.parse(new String[] {file.toString(), "--db-url"}))
                .hasMessageContaining("--db-url needs a value");
        assertThatThrownBy(() -> ImportOptions.parse(new String[] {file.toString(), "--realm", "a/../b"}))
                .hasMessageContaining("not a realm name");
        assertThatThrownBy(() -> ImportOptions.parse(new String[] {file.toString(), file.toString()}))
                .hasMessageContaining("one file per import");
    }
}
