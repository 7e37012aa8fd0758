package org.pscfederator.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticNationalFileTest {

    @TempDir
    Path dir;

    @Test
    void generatedFileIsAcceptedWithoutAnyProblem() throws IOException {
        Path file = dir.resolve("national.txt");
        new SyntheticNationalFile(1_000, 1_700, 42).writeTo(file);
        AtomicLong withoutActivity = new AtomicLong();

        ImportReport report = NationalFileReader.standard().read(file, line -> {
            if (!line.hasActivity()) {
                withoutActivity.incrementAndGet();
            }
        });

        assertThat(report.problems()).isEmpty();
        assertThat(report.linesRead()).isEqualTo(1_700);
        assertThat(report.linesAccepted()).isEqualTo(1_700);
        assertThat(report.professionals()).isEqualTo(1_000);
        assertThat(report.activities()).isEqualTo(1_700 - withoutActivity.get());
    }

    @Test
    void sameSeedGivesTheSameFileAndAnotherSeedAnother() throws IOException {
        assertThat(generate(7)).isEqualTo(generate(7)).isNotEqualTo(generate(8));
    }

    @Test
    void impossibleSizesAreRefused() {
        assertThatThrownBy(() -> new SyntheticNationalFile(10, 9, 1)).hasMessageContaining("professionals <= lines");
        assertThatThrownBy(() -> new SyntheticNationalFile(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The test JVM runs with a 64 MB heap (see the pom); the file is bigger than that, so a reader that kept it, or
     * kept its lines, would run out of memory. No timing here: speed is measured outside the unit tests.
     */
    @Test
    void readerStreamsInBoundedMemory() throws IOException {
        Path file = dir.resolve("big.txt");
        new SyntheticNationalFile(120_000, 200_000, 3).writeTo(file);
        assertThat(Files.size(file)).isGreaterThan(Runtime.getRuntime().maxMemory());
        AtomicLong lines = new AtomicLong();

        ImportReport report = NationalFileReader.standard().read(file, line -> lines.incrementAndGet());

        assertThat(report.problems()).isEmpty();
        assertThat(lines.get()).isEqualTo(200_000);
        assertThat(report.professionals()).isEqualTo(120_000);
    }

    private static String generate(long seed) throws IOException {
        StringWriter out = new StringWriter();
        new SyntheticNationalFile(50, 90, seed).writeTo(out);
        return out.toString();
    }
}
