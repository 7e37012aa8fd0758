package org.pscfederator.it.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The demo relying service started as bin/psc-demo-rp starts it: its jar, in a JVM of its own, on a free port. */
public final class DemoRelyingService implements AutoCloseable {

    private final int port;
    private final Path log;
    private final Process process;

    private DemoRelyingService(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the demo against this sandbox on this port, with these options (client id, certificate or secret). */
    public static DemoRelyingService start(SandboxServer server, int port, String... options)
            throws IOException, InterruptedException {
        Path jar = Launcher.repoRoot().resolve("demo-rp/target/demo-rp.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("demo not built: " + jar);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--port", Integer.toString(port), "--server", server.baseUrl(),
                "--cacert", server.caBundle().toString(), "--tls-keystore",
                server.dataDir().resolve("pki/server/server.p12").toString()));
        command.addAll(List.of(options));
        Path log = Launcher.workDir().resolve("demo-rp-" + port + ".log");
        Process process = new ProcessBuilder(command).directory(Launcher.workDir().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        DemoRelyingService demo = new DemoRelyingService(port, log, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (demo.log().contains("psc-demo-rp: ready")) {
                return demo;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the demo stopped with exit code " + process.exitValue() + ": "
                        + demo.log());
            }
            Thread.sleep(200);
        }
        demo.close();
        throw new IllegalStateException("the demo was not ready within 60 s: " + demo.log());
    }

    public String url() {
        return "https://localhost:" + port;
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
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
