package org.pscfederator.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The HAProxy program (Debian's package), run in the foreground as a child of the launcher with its config. */
final class Haproxy {

    private static final List<Path> USUAL_PLACES = List.of(Path.of("/usr/sbin/haproxy"), Path.of("/usr/bin/haproxy"),
            Path.of("/usr/local/sbin/haproxy"));

    private final Path program;

    private Haproxy(Path program) {
        this.program = program;
    }

    /** {@code given}: the --haproxy option, or null to look on the PATH and in the usual places. */
    static Haproxy find(Path given) {
        if (given != null) {
            if (!Files.isExecutable(given)) {
                throw new SandboxException("--haproxy " + given + " is not an executable program");
            }
            return new Haproxy(given);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, "haproxy"))) {
                return new Haproxy(Path.of(folder, "haproxy"));
            }
        }
        return USUAL_PLACES.stream().filter(Files::isExecutable).findFirst().map(Haproxy::new)
                .orElseThrow(() -> new SandboxException("HAProxy not found (install it: apt-get install haproxy, "
                        + "or give --haproxy PATH)"));
    }

    Path program() {
        return program;
    }

    /** Has HAProxy check the config, and says what it refuses. */
    void check(Path config) {
        try {
            Process check = new ProcessBuilder(program.toString(), "-c", "-q", "-f", config.toString())
                    .redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
                throw new SandboxException("HAProxy refuses its config " + config + ": " + output.strip());
            }
        } catch (IOException e) {
            throw new SandboxException("cannot run " + program + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while HAProxy checked its config");
        }
    }

    /** Starts HAProxy in the foreground ({@code -db}), its log appended to {@code log}. */
    Process start(Path config, Path log) {
        try {
            return new ProcessBuilder(program.toString(), "-db", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new SandboxException("cannot start " + program + ": " + e.getMessage());
        }
    }
}
