package org.pscfederator.it.ecps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;

/**
 * {@code psc-ecps-sim serve} for one sandbox identity, started as bin/psc-ecps-sim starts it: its jar in a JVM of
 * its own, on a port it picks itself (0), against this sandbox and its data folder; {@code origin} is the page's,
 * {@code http://127.0.0.1:PORT}. Closing it stops that process.
 */
record SimulatorPageProcess(Process process, Path log, String origin) implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("at (http://127\\.0\\.0\\.1:[0-9]+)/");

    static SimulatorPageProcess start(SandboxServer server, String idNat) throws IOException, InterruptedException {
        Path jar = Launcher.repoRoot().resolve("ecps-simulator/target/psc-ecps-sim.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("simulator not built: " + jar);
        }
        Path log = Files.createTempFile(Launcher.workDir(), "psc-ecps-sim-serve", ".log");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "serve", "--idnat", idNat, "--port", "0",
                "--server", server.baseUrl(), "--data-dir", server.dataDir().toString(),
                "--cacert", server.caBundle().toString()))
                .directory(Launcher.workDir().toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher ready = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (ready.find()) {
                return new SimulatorPageProcess(process, log, ready.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("serve stopped with exit code " + process.exitValue() + ": "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(200);
        }
        new SimulatorPageProcess(process, log, null).close();
        throw new IllegalStateException("serve did not print its address within 60 s: "
                + Files.readString(log, StandardCharsets.UTF_8));
    }

    /** What the command printed, its refusals included. */
    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
