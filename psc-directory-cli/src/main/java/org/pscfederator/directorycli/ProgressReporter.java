package org.pscfederator.directorycli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Prints how far the import got every few seconds, on stderr so that stdout keeps only the summary. */
final class ProgressReporter implements AutoCloseable {

    private final ScheduledExecutorService timer;

    ProgressReporter(ProgressStream stream, long fileSize, String verb, PrintStream err, long periodSeconds) {
        long started = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "psc-directory-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> {
            double seconds = (System.nanoTime() - started) / 1e9;
            long lines = stream.lines();
            err.println(String.format(Locale.ROOT, "psc-directory: %s %3d%%, %,d lines, %,.0f lines/s", verb,
                    fileSize == 0 ? 100 : stream.bytes() * 100 / fileSize, lines, lines / seconds));
        }, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
