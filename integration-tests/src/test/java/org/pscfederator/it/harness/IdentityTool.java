package org.pscfederator.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code psc-identity} as bin/psc-identity does: its jar, in a JVM of its own. */
public final class IdentityTool {

    private IdentityTool() {
    }

    public static Path jar() {
        Path jar = Launcher.repoRoot().resolve("psc-identity/target/psc-identity.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("test identity tool not built: " + jar);
        }
        return jar;
    }

    /** A command against this sandbox (its URL, CA bundle and data folder), with this environment. */
    public static Launcher.Result run(SandboxServer server, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--server", server.baseUrl(), "--cacert", server.caBundle().toString(),
                "--data-dir", server.dataDir().toString()));
        return Launcher.runToEnd(command, env);
    }

    /** The same as the sandbox's administrator (password in PSC_ADMIN_PASSWORD). */
    public static Launcher.Result asAdmin(SandboxServer server, String... args) throws IOException, InterruptedException {
        return run(server, Map.of("PSC_ADMIN_PASSWORD", SandboxServer.ADMIN_PASSWORD), args);
    }
}
