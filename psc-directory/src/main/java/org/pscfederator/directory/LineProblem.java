package org.pscfederator.directory;

import java.util.Objects;

/**
 * A problem found in an input file.
 *
 * @param line     the 1-based line number (the header is line 1), or 0 when the problem concerns the whole file
 * @param severity what it does to the import
 * @param reason   for operators, in English
 */
public record LineProblem(long line, Severity severity, String reason) {

    public LineProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code line 12: reason}, or the reason alone for a whole-file problem. */
    public String message() {
        return line > 0 ? "line " + line + ": " + reason : reason;
    }

    @Override
    public String toString() {
        return severity + " " + message();
    }
}
