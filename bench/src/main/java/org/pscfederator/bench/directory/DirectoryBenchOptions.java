package org.pscfederator.bench.directory;

import java.nio.file.Path;

import org.pscfederator.bench.BadOptionsException;

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

    public static DirectoryBenchOptions parse(String[] args) throws BadOptionsException {
        String dbUrl = DEFAULT_DB_URL;
        String dbUsername = null;
        Path file = DEFAULT_FILE;
        long professionals = 1_200_000;
        long lines = 2_000_000;
        String importHeap = "512m";
        int concurrency = 8;
        int duration = 30;
        int warmup = 5;
        int sample = 10_000;
        long maxLookups = 5_000_000;
        boolean skipImport = false;
        boolean json = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--db-url" -> dbUrl = value(args, ++i, option);
                case "--db-username" -> dbUsername = value(args, ++i, option);
                case "--file" -> file = Path.of(value(args, ++i, option));
                case "--professionals" -> professionals = number(args, ++i, option, 1, Long.MAX_VALUE);
                case "--lines" -> lines = number(args, ++i, option, 1, Long.MAX_VALUE);
                case "--import-heap" -> {
                    importHeap = value(args, ++i, option);
                    if (!importHeap.matches("[0-9]+[kKmMgG]?")) {
                        throw new BadOptionsException("--import-heap: a size such as 512m, got " + importHeap);
                    }
                }
                case "--skip-import" -> skipImport = true;
                case "--concurrency" -> concurrency = (int) number(args, ++i, option, 1, 256);
                case "--duration" -> duration = (int) number(args, ++i, option, 1, 3600);
                case "--warmup" -> warmup = (int) number(args, ++i, option, 0, 600);
                case "--sample" -> sample = (int) number(args, ++i, option, 1, 10_000_000);
                case "--max-lookups" -> maxLookups = number(args, ++i, option, 1, 1_000_000_000);
                case "--json" -> json = true;
                case "--help" -> help = true;
                default -> throw new BadOptionsException("unknown option " + option + " (see psc-bench directory --help)");
            }
        }
        if (!dbUrl.startsWith("jdbc:postgresql://")) {
            throw new BadOptionsException("--db-url: the directory benchmark runs on PostgreSQL (jdbc:postgresql://...)");
        }
        if (!isLoopback(dbUrl)) {
            throw new BadOptionsException("--db-url: only a database on this machine (localhost or 127.x)");
        }
        return new DirectoryBenchOptions(dbUrl, dbUsername, file, professionals, lines, importHeap, concurrency,
                duration, warmup, sample, maxLookups, skipImport, json, help);
    }

    private static boolean isLoopback(String dbUrl) {
        String rest = dbUrl.substring("jdbc:postgresql://".length());
        return rest.startsWith("localhost") || rest.startsWith("127.") || rest.startsWith("[::1]");
    }

    private static String value(String[] args, int index, String option) throws BadOptionsException {
        if (index >= args.length) {
            throw new BadOptionsException(option + " needs a value");
        }
        return args[index];
    }

    private static long number(String[] args, int index, String option, long min, long max)
            throws BadOptionsException {
        String text = value(args, index, option);
        try {
            long n = Long.parseLong(text.replace("_", ""));
            if (n < min || n > max) {
                throw new BadOptionsException(option + " must be between " + min + " and " + max + ", got " + text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadOptionsException(option + " needs a number, got " + text);
        }
    }
}
