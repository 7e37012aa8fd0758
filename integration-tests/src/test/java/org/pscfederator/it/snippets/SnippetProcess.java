package org.pscfederator.it.snippets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.pscfederator.it.harness.Launcher;

/** A snippet run as its own process, as a vendor runs it; its output in a file of the suite's work folder. */
final class SnippetProcess implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;
    private final String url;

    private SnippetProcess(Process process, Path out, Path err, String url) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.url = url;
    }

    static SnippetProcess start(String name, List<String> command, Path directory, String url) throws IOException {
        Path out = Files.createTempFile(Launcher.workDir(), name, ".out");
        Path err = Files.createTempFile(Launcher.workDir(), name, ".err");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new SnippetProcess(process, out, err, url);
    }

    /** Where the snippet serves its pages (a web application), or null. */
    String url() {
        return url;
    }

    /** The first line of its standard output that matches, waiting for it; fails if the process ends first. */
    String awaitLine(Predicate<String> wanted, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Optional<String> line = Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(wanted).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("the snippet ended with exit code " + process.exitValue() + ":\n" + log());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the snippet did not print the expected line within " + seconds + " s:\n" + log());
    }

    /** Waits for the snippet to end by itself; its exit code. */
    int awaitExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the snippet did not end within " + seconds + " s:\n" + log());
        }
        return process.exitValue();
    }

    List<String> stdout() throws IOException {
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    String log() {
        try {
            return Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
