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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar().toString(), "client"));
        command.addAll(List.of(args));
        command.addAll(List.of("--server", server.baseUrl(), "--cacert", server.caBundle().toString()));
        Map<String, String> env = new HashMap<>();
        env.put("PSC_ADMIN_PASSWORD", password);
        return Launcher.runToEnd(command, env);
    }
}
