package org.pscfederator.bench.directory;

import java.nio.file.Path;

import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.ToolRunner;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import picocli.CommandLine.TypeConversionException;

/** {@code psc-bench directory [options]}: the directory benchmark's options. */
public record DirectoryBenchOptions(String dbUrl, String dbUsername, Path file, long professionals, long lines,
        String importHeap, int concurrency, int durationSeconds, int warmupSeconds, int sampleSize, long maxLookups,
        boolean skipImport, boolean json, boolean help) {

    public static final String DEFAULT_DB_URL = "jdbc:postgresql://127.0.0.1:5432/psc_bench";
    public static final Path DEFAULT_FILE = Path.of("bench/target/PS_LibreAcces_Personne_activite_synthetic.txt");

    public static final String USAGE = """
            usage: psc-bench directory [options]

            Measures the directory on PostgreSQL: the import of a national-size file (lines per second, peak heap,
            run in a JVM limited to --import-heap), then the PSC claims of a random idNat under concurrency
            (directory lookup + claims built + JSON written, as the userinfo mapper does), p50/p95/p99.

              --db-url URL           PostgreSQL database to use (default %s); it must exist
                                     (createdb psc_bench); the directory tables are created in it
              --db-username NAME     default: the JDBC driver's; password from PSC_DB_PASSWORD
              --file FILE            national file to import (default %s); generated when absent
              --professionals N      for a generated file (default 1200000)
              --lines N              for a generated file (default 2000000)
              --import-heap SIZE     -Xmx of the import (default 512m)
              --skip-import          measure the claims of the directory already there
              --concurrency N        concurrent lookups (default 8)
              --duration SECONDS     measured time of the claims phase (default 30)
              --warmup SECONDS       discarded time before it (default 5)
              --sample N             random idNats drawn from the file (default 10000)
              --max-lookups N        hard bound on lookups per phase (default 5000000)
              --json                 also print a one-line JSON summary
            """.formatted(DEFAULT_DB_URL, DEFAULT_FILE);

    /** @throws ParameterException on an unknown option, a missing or bad value */
    public static DirectoryBenchOptions parse(String[] args) {
        return from(ToolRunner.populate(new Given(), args));
    }

    /** The options as typed, with their defaults; {@link #from} checks what needs them all. */
    public static final class Given {
        private String dbUrl = DEFAULT_DB_URL;
        @Option(names = "--db-username")
        private String dbUsername;
        @Option(names = "--file")
        private Path file = DEFAULT_FILE;
        private long professionals = 1_200_000;
        private long lines = 2_000_000;
        private String importHeap = "512m";
        @Option(names = "--skip-import")
        private boolean skipImport;
        private int concurrency = 8;
        private int duration = 30;
        private int warmup = 5;
        private int sample = 10_000;
        private long maxLookups = 5_000_000;
        @Option(names = "--json")
        private boolean json;
        @Mixin
        private HelpOption help;

        @Option(names = "--db-url")
        private void dbUrl(String value) {
            dbUrl = value;
        }

        @Option(names = "--professionals")
        private void professionals(String value) {
            professionals = number(value, "--professionals", 1, Long.MAX_VALUE);
        }

        @Option(names = "--lines")
        private void lines(String value) {
            lines = number(value, "--lines", 1, Long.MAX_VALUE);
        }

        @Option(names = "--import-heap")
        private void importHeap(String value) {
            if (!value.matches("[0-9]+[kKmMgG]?")) {
                throw new TypeConversionException("--import-heap: a size such as 512m, got " + value);
            }
            importHeap = value;
        }

        @Option(names = "--concurrency")
        private void concurrency(String value) {
            concurrency = (int) number(value, "--concurrency", 1, 256);
        }

        @Option(names = "--duration")
        private void duration(String value) {
            duration = (int) number(value, "--duration", 1, 3600);
        }

        @Option(names = "--warmup")
        private void warmup(String value) {
            warmup = (int) number(value, "--warmup", 0, 600);
        }

        @Option(names = "--sample")
        private void sample(String value) {
            sample = (int) number(value, "--sample", 1, 10_000_000);
        }

        @Option(names = "--max-lookups")
        private void maxLookups(String value) {
            maxLookups = number(value, "--max-lookups", 1, 1_000_000_000);
        }
    }

    /** @throws TypeConversionException for a database this benchmark does not run on */
    public static DirectoryBenchOptions from(Given given) {
        if (!given.dbUrl.startsWith("jdbc:postgresql://")) {
            throw new TypeConversionException("--db-url: the directory benchmark runs on PostgreSQL "
                    + "(jdbc:postgresql://...)");
        }
        if (!isLoopback(given.dbUrl)) {
            throw new TypeConversionException("--db-url: only a database on this machine (localhost or 127.x)");
        }
        return new DirectoryBenchOptions(given.dbUrl, given.dbUsername, given.file, given.professionals, given.lines,
                given.importHeap, given.concurrency, given.duration, given.warmup, given.sample, given.maxLookups,
                given.skipImport, given.json, given.help.requested());
    }

    private static boolean isLoopback(String dbUrl) {
        String rest = dbUrl.substring("jdbc:postgresql://".length());
        return rest.startsWith("localhost") || rest.startsWith("127.") || rest.startsWith("[::1]");
    }

    private static long number(String text, String option, long min, long max) {
        try {
            long n = Long.parseLong(text.replace("_", ""));
            if (n < min || n > max) {
                throw new TypeConversionException(option + " must be between " + min + " and " + max + ", got " + text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new TypeConversionException(option + " needs a number, got " + text);
        }
    }
}
