package org.pscfederator.bench.directory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import org.pscfederator.bench.Bench;
import org.pscfederator.bench.BenchCommand;
import org.pscfederator.cli.UsageText;
import org.pscfederator.directory.SyntheticNationalFile;

/**
 * {@code psc-bench directory}: the import of a national-size file and the claims of random professionals, on
 * PostgreSQL, against the goals of the directory issue (50,000 lines/s within 512 MB of heap; claims p99 at 5 ms).
 */
@Command(name = "directory")
public final class DirectoryBench implements Callable<Integer>, UsageText {

    static final double IMPORT_GOAL_LINES_PER_SECOND = 50_000;
    static final double CLAIMS_GOAL_P99_MILLIS = 5;

    /** Its {@code --help} included. */
    @Mixin
    DirectoryBenchOptions.Given given;
    @ParentCommand
    BenchCommand root;

    /** 0 done (whether or not the goals are met: the figures say), 1 the run broke, 2 bad options. */
    public static int main(String[] args, PrintStream out, PrintStream err) {
        return Bench.subcommand("directory", args, out, err);
    }

    @Override
    public String usageText() {
        return DirectoryBenchOptions.USAGE;
    }

    @Override
    public Integer call() throws Exception {
        DirectoryBenchOptions options = DirectoryBenchOptions.from(given);
        Map<String, Object> figures = run(options, root.err());
        root.out().print(text(figures));
        if (options.json()) {
            root.out().println(new ObjectMapper().writeValueAsString(figures));
        }
        root.out().flush();
        return 0;
    }

    static Map<String, Object> run(DirectoryBenchOptions options, PrintStream progress) throws Exception {
        Path file = options.file();
        if (!Files.isRegularFile(file)) {
            progress.printf(Locale.ROOT, "psc-bench: writing a synthetic national file, %,d professionals and %,d "
                    + "lines, to %s...%n", options.professionals(), options.lines(), file);
            generate(options, file);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("file", file.toString());
        figures.put("fileBytes", Files.size(file));
        if (!options.skipImport()) {
            progress.println("psc-bench: importing " + file + " with -Xmx" + options.importHeap() + "...");
            ImportRun.Figures imported = ImportRun.run(options, file);
            figures.put("import", imported);
        }
        progress.printf(Locale.ROOT, "psc-bench: drawing %,d random idNats from the file...%n", options.sampleSize());
        List<String> idNats = IdNatSample.draw(file, options.sampleSize(), 42);
        progress.printf(Locale.ROOT, "psc-bench: claims of random idNats, concurrency %d, %d s after %d s of "
                + "warm-up...%n", options.concurrency(), options.durationSeconds(), options.warmupSeconds());
        figures.put("concurrency", options.concurrency());
        figures.put("claims", ClaimsRun.run(options, idNats));
        return figures;
    }

    private static void generate(DirectoryBenchOptions options, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        new SyntheticNationalFile(options.professionals(), options.lines(), 1).writeTo(partial);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    static String text(Map<String, Object> figures) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "psc-bench directory: %s (%,d MB)%n", figures.get("file"),
                (Long) figures.get("fileBytes") >> 20));
        if (figures.get("import") instanceof ImportRun.Figures imported) {
            text.append(String.format(Locale.ROOT, "import    %,d lines, %,d professionals, %,d errors in %.1f s: "
                            + "%,.0f lines/s (goal >= %,.0f: %s); peak heap %d MB of %d MB (-Xmx)%n",
                    imported.linesRead(), imported.professionals(), imported.errors(), imported.seconds(),
                    imported.linesPerSecond(), IMPORT_GOAL_LINES_PER_SECOND,
                    imported.linesPerSecond() >= IMPORT_GOAL_LINES_PER_SECOND ? "met" : "MISSED",
                    imported.peakHeapBytes() >> 20, imported.maxHeapBytes() >> 20));
        }
        ClaimsRun.Figures claims = (ClaimsRun.Figures) figures.get("claims");
        text.append(String.format(Locale.ROOT, "claims    concurrency %s: %,d lookups, %,d errors, %,.0f/s; "
                        + "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (goal p99 <= %.0f ms: %s)%n",
                figures.get("concurrency"), claims.lookups(), claims.errors(), claims.lookupsPerSecond(),
                claims.p50Millis(), claims.p95Millis(), claims.p99Millis(), CLAIMS_GOAL_P99_MILLIS,
                claims.p99Millis() <= CLAIMS_GOAL_P99_MILLIS ? "met" : "MISSED"));
        if (claims.firstError() != null) {
            text.append("  claims error: ").append(claims.firstError()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
