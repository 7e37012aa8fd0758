package org.pscfederator.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the sandbox launcher as a user does: its jar in a JVM of its own, or the bin/psc-sandbox script. */
public final class Launcher {

    private Launcher() {
    }

    public static Path repoRoot() {
        return Path.of(System.getProperty("psc.repo.root", "..")).toAbsolutePath().normalize();
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("psc.sandbox.jar", repoRoot() + "/psc-sandbox/target/psc-sandbox.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("launcher jar not built: " + jar);
        }
        return jar;
    }

    public static Path workDir() {
        Path work = Path.of(System.getProperty("psc.it.work", "target/it")).toAbsolutePath().normalize();
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return work;
    }

    static List<String> javaCommand(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(args);
        return command;
    }

    /** Runs a launcher that is expected to stop by itself (bad input, --help), with a time bound. */
    public static Result runToEnd(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir(), "launcher", ".out");
        Path err = Files.createTempFile(workDir(), "launcher", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir().toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("launcher did not stop within 120 s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    public static Result runJar(String... args) throws IOException, InterruptedException {
        return runToEnd(javaCommand(List.of(args)), Map.of());
    }

    /** The script, told not to rebuild: the suite runs on the jar that Maven has just built. */
    public static Result runScript(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(repoRoot().resolve("bin").resolve("psc-sandbox").toString());
        command.addAll(List.of(args));
        return runToEnd(command, Map.of("PSC_SANDBOX_SKIP_BUILD", "1",
                "JAVA_HOME", System.getProperty("java.home")));
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }
}
