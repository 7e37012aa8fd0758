package org.pscfederator.it.establishments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.pscfederator.it.harness.Launcher;

/** How long a delegated login took, written to the run's {@code establishment-figures.txt} for the report. */
final class Figures {

    private Figures() {
    }

    /** The time since startedNanos, less what the login spent waiting for a fresh TOTP code. */
    static void record(String what, long startedNanos, DelegatedLogin login) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000 - login.totpWaitMillis();
        String line = String.format(Locale.ROOT, "%s: %d ms%n", what, millis);
        System.out.print("establishment figure: " + line);
        try {
            Files.writeString(Launcher.workDir().resolve("establishment-figures.txt"), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("cannot write the figure: " + e.getMessage());
        }
    }
}
