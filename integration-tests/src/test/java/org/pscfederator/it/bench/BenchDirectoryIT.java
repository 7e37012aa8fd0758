package org.pscfederator.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.bench.directory.DirectoryBench;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.PostgresSandboxExtension;
import org.pscfederator.it.harness.TestDatabase;

/**
 * Directory benchmark on PostgreSQL: the import, and the claims of a random idNat under concurrency:
 * the directory benchmark runs end to end on a small file. Its figures, on the national-size file, come from
 * {@code bin/psc-bench directory}; this only shows both phases work and report what they measured.
 */
@Tag("bench")
@Tag("postgres")
@ExtendWith(PostgresSandboxExtension.class)
class BenchDirectoryIT {

    @Test
    void importAndClaimsPhasesRunOnPostgres() throws Exception {
        try (TestDatabase database = TestDatabase.create("psc_bench_it")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = DirectoryBench.main(new String[] {"--db-url", database.jdbcUrl(), "--db-username",
                    database.user(), "--file", Launcher.workDir().resolve("bench-synthetic.txt").toString(),
                    "--professionals", "3000", "--lines", "5000", "--duration", "2", "--warmup", "1",
                    "--concurrency", "2", "--sample", "500", "--json"}, new PrintStream(out, true),
                    new PrintStream(err, true));

            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(text).containsPattern("import +5,000 lines, 3,000 professionals, 0 errors in [0-9.]+ s: "
                    + "[0-9,]+ lines/s .*peak heap \\d+ MB of \\d+ MB")
                    .containsPattern("claims +concurrency 2: [0-9,]+ lookups, 0 errors, .*p50 [0-9.]+ ms, "
                    + "p95 [0-9.]+ ms, p99 [0-9.]+ ms");
        }
    }
}
