package org.pscfederator.bench.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DirectoryBenchOptionsTest {

    @Test
    void defaultsAreTheNationalSizeFileOnLocalPostgres() {
        DirectoryBenchOptions options = DirectoryBenchOptions.parse(new String[] {});

        assertThat(options.dbUrl()).isEqualTo(DirectoryBenchOptions.DEFAULT_DB_URL);
        assertThat(options.lines()).isEqualTo(2_000_000);
        assertThat(options.professionals()).isEqualTo(1_200_000);
        assertThat(options.importHeap()).isEqualTo("512m");
    }

    @Test
    void onlyALocalPostgresIsBenchmarked() {
        assertThatThrownBy(() -> DirectoryBenchOptions.parse(new String[] {"--db-url", "jdbc:h2:mem:x"}))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("PostgreSQL");
        assertThatThrownBy(() -> DirectoryBenchOptions.parse(new String[] {"--db-url",
                "jdbc:postgresql://db.example.org/psc"})).hasMessageContaining("only a database on this machine");
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> DirectoryBenchOptions.parse(new String[] {"--concurrency", "0"}))
                .hasMessageContaining("between 1 and 256");
        assertThatThrownBy(() -> DirectoryBenchOptions.parse(new String[] {"--import-heap", "-Xmx1g"}))
                .hasMessageContaining("a size such as 512m");
        assertThatThrownBy(() -> DirectoryBenchOptions.parse(new String[] {"--lines"}))
                .hasMessageContaining("needs a value");
    }
}
