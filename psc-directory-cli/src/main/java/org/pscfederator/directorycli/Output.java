package org.pscfederator.directorycli;

import java.io.OutputStream;
import java.io.PrintStream;

/** Where the command writes: the summary on stdout, progress and messages on stderr (none with --quiet). */
final class Output {

    static final long PROGRESS_PERIOD_SECONDS = 5;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean quiet;

    Output(PrintStream out, PrintStream err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    PrintStream out() {
        return out;
    }

    void progress(String line) {
        if (!quiet) {
            err.println(line);
        }
    }

    void error(String line) {
        err.println("psc-directory: error: " + line);
    }

    ProgressReporter reporter(ProgressStream stream, long fileSize, String verb) {
        return new ProgressReporter(stream, fileSize, verb, quiet ? new PrintStream(OutputStream.nullOutputStream()) : err, PROGRESS_PERIOD_SECONDS);
    }
}
