package org.pscfederator.directorystore;

import org.pscfederator.directory.ImportReport;
import org.pscfederator.directory.LineProblem;
import org.pscfederator.directory.Severity;

/** What an import did: its report, and whether the file became the directory. */
public record ImportOutcome(ImportReport report, boolean activated) {

    /**
     * A file replaces the directory unless it was refused as a whole (not UTF-8, bad header, truncated, empty).
     * A bad line is skipped and reported: one malformed line among millions must not hold back every update.
     */
    static boolean activates(ImportReport report) {
        return !report.isRefused();
    }

    /** The first problem that kept the file from becoming the directory, for a one-line message. */
    public String reason() {
        return report.refusal().or(() -> report.problems().stream()
                        .filter(problem -> problem.severity() != Severity.WARNING).findFirst())
                .map(LineProblem::message).orElse("");
    }
}
