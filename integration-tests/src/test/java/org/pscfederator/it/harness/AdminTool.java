package org.pscfederator.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code psc-admin} as bin/psc-admin does: its jar, in a JVM of its own, against a sandbox of the suite. */
public final class AdminTool {

    private AdminTool() {
    }

    public static Path jar() {
        Path jar = Launcher.repoRoot().resolve("psc-admin/target/psc-admin.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("admin tool not built: " + jar);
        }
        return jar;
    }

    /** A client command against this server, as its administrator (password in PSC_ADMIN_PASSWORD). */
    public static Launcher.Result client(SandboxServer server, String password, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("client"));
        command.addAll(List.of(args));
        return run(server, password, command.toArray(String[]::new));
    }

    /** Any command against this server; a null password leaves PSC_ADMIN_PASSWORD unset. */
    public static Launcher.Result run(PscEndpoint server, String password, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--server", server.baseUrl(), "--cacert", server.caBundle().toString()));
        return runAs(password, command.toArray(String[]::new));
    }

    /** The tool with exactly these arguments (no server options added). */
    public static Launcher.Result runAs(String password, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        if (password != null) {
            env.put("PSC_ADMIN_PASSWORD", password);
        }
        return Launcher.runToEnd(command, env);
    }
}
