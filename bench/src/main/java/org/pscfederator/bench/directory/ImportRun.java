package org.pscfederator.bench.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.pscfederator.directorycli.DirectoryCommand;

/**
 * The import phase: runs the operators' own command, {@code psc-directory import FILE --db-url ...}, in a JVM of its own
 * limited to the heap under test, and reads its JSON summary. A separate JVM, so the heap limit is the import's alone.
 */
final class ImportRun {

    record Figures(long linesRead, long professionals, long errors, double seconds, double linesPerSecond,
            long peakHeapBytes, long maxHeapBytes) {
    }

    private ImportRun() {
    }

    static Figures run(DirectoryBenchOptions options, Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.importHeap(), "-cp", System.getProperty("java.class.path"),
                DirectoryCommand.class.getName(), "import", file.toString(), "--db-url", options.dbUrl(),
                "--source", "psc-bench", "--json", "--quiet"));
        if (options.dbUsername() != null) {
            command.add("--db-username");
            command.add(options.dbUsername());
        }
        // PSC_DB_PASSWORD, when set, reaches the child through the inherited environment, never its command line.
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(6, TimeUnit.HOURS)) {
            process.destroyForcibly();
            throw new IOException("the import did not finish");
        }
        String[] lines = output.strip().split("\n");
        JsonNode summary;
        try {
            summary = new ObjectMapper().readTree(lines[lines.length - 1]);
        } catch (IOException e) {
            throw new IOException("the import printed no summary (exit " + process.exitValue() + "): " + output.strip());
        }
        if (process.exitValue() != 0 || !summary.path("activated").asBoolean()) {
            throw new IOException("the import failed (exit " + process.exitValue() + "): "
                    + summary.path("error").asText(output.strip()));
        }
        return new Figures(summary.path("linesRead").asLong(), summary.path("professionals").asLong(),
                summary.path("errors").asLong(), summary.path("seconds").asDouble(),
                summary.path("linesPerSecond").asDouble(), summary.path("peakHeapBytes").asLong(),
                summary.path("maxHeapBytes").asLong());
    }
}
