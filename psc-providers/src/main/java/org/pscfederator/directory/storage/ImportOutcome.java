package org.pscfederator.directory.storage;

import org.pscfederator.directory.ImportReport;
import org.pscfederator.directory.LineProblem;
import org.pscfederator.directory.Severity;

/** What an import did: its report, and whether the file became the directory. */
public record ImportOutcome(ImportReport report, boolean activated) {

    /**
     * A file replaces the directory only when nothing in it was refused: a refused file, or any line that had to
     * be skipped, leaves the previous directory in place. Warnings (an unknown profession code) do not block.
     */
    static boolean activates(ImportReport report) {
        if (report.isRefused()) {
            return false;
        }
        return report.errors() == 0;
    }

    /** The first problem that kept the file from becoming the directory, for a one-line message. */
    public String reason() {
        return report.refusal().or(() -> report.problems().stream()
                        .filter(problem -> problem.severity() != Severity.WARNING).findFirst())
                .map(LineProblem::message).orElse("");
    }
}
