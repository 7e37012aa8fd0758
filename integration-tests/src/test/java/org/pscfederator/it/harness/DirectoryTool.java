package org.pscfederator.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code psc-directory} as bin/psc-directory does: its jar, in a JVM of its own with 512 MB of heap. */
public final class DirectoryTool {

    private DirectoryTool() {
    }

    public static Path jar() {
        Path jar = Launcher.repoRoot().resolve("psc-directory-cli/target/psc-directory.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("directory tool not built: " + jar);
        }
        return jar;
    }

    public static Launcher.Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-jar", jar().toString()));
        command.addAll(List.of(args));
        return Launcher.runToEnd(command, env);
    }

    /** A synthetic national file in the national format, written by the tool's own generator. */
    public static Path synthetic(String name, int professionals, int lines) throws IOException, InterruptedException {
        Path file = Launcher.workDir().resolve(name);
        Launcher.Result result = run(Map.of(), "generate", file.toString(), "--professionals",
                Integer.toString(professionals), "--lines", Integer.toString(lines));
        if (result.exitCode() != 0) {
            throw new AssertionError("generate failed: " + result.stderr());
        }
        return file;
    }
}
