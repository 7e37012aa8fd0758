package org.pscfederator.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What reading a file found: counts, and the first problems. Only the first {@code maxKept} warnings and the first
 * {@code maxKept} errors are kept (separately, so a flood of warnings cannot hide errors); the rest are counted. So
 * a report stays small whatever the file.
 */
public final class ImportReport {

    public static final int DEFAULT_MAX_KEPT = 1000;

    private final int maxKept;
    private final List<LineProblem> problems = new ArrayList<>();
    private long linesRead;
    private long linesAccepted;
    private long activities;
    private long professionals;
    private long warnings;
    private long errors;
    private int warningsKept;
    private int errorsKept;
    private LineProblem refusal;

    public ImportReport() {
        this(DEFAULT_MAX_KEPT);
    }

    public ImportReport(int maxKept) {
        if (maxKept < 0) {
            throw new IllegalArgumentException("maxKept < 0");
        }
        this.maxKept = maxKept;
    }

    /** Records a problem. A FATAL one refuses the file; only the first FATAL is kept. */
    public void add(LineProblem problem) {
        switch (problem.severity()) {
            case WARNING:
                warnings++;
                if (warningsKept < maxKept) {
                    warningsKept++;
                    problems.add(problem);
                }
                break;
            case ERROR:
                errors++;
                if (errorsKept < maxKept) {
                    errorsKept++;
                    problems.add(problem);
                }
                break;
            case FATAL:
                if (refusal == null) {
                    errors++;
                    refusal = problem;
                    problems.add(problem);
                }
                break;
            default:
                throw new IllegalStateException(problem.severity().name());
        }
    }

    void warning(long line, String reason) {
        add(new LineProblem(line, Severity.WARNING, reason));
    }

    void error(long line, String reason) {
        add(new LineProblem(line, Severity.ERROR, reason));
    }

    void refuse(long line, String reason) {
        add(new LineProblem(line, Severity.FATAL, reason));
    }

    void lineRead() {
        linesRead++;
    }

    void lineAccepted(boolean withActivity) {
        linesAccepted++;
        if (withActivity) {
            activities++;
        }
    }

    void professionalStarted() {
        professionals++;
    }

    /** Data lines read (the header excluded), skipped ones included. */
    public long linesRead() {
        return linesRead;
    }

    /** Data lines handed over to the consumer. */
    public long linesAccepted() {
        return linesAccepted;
    }

    /** Accepted lines that carry an activity (a professional without activity has a line without one). */
    public long activities() {
        return activities;
    }

    /**
     * Professionals (or staff members) accepted: for the national file, changes of idNat between consecutive accepted
     * lines, which is the number of distinct professionals when the file is sorted by idNat, as ANS's is.
     */
    public long professionals() {
        return professionals;
    }

    public long warnings() {
        return warnings;
    }

    /** Lines skipped, plus the refusal if any. */
    public long errors() {
        return errors;
    }

    public boolean isRefused() {
        return refusal != null;
    }

    /** Why the whole file was refused, if it was. */
    public Optional<LineProblem> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** The problems kept, in the order found. */
    public List<LineProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Problems counted but not kept in {@link #problems()}. */
    public long problemsNotKept() {
        return warnings + errors - problems.size();
    }

    /** One line for operators, e.g. {@code 2000000 lines read, 1999998 accepted (...), 2 errors, 0 warnings}. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        if (refusal != null) {
            s.append("file refused: ").append(refusal.message()).append("; ");
        }
        s.append(linesRead).append(" lines read, ").append(linesAccepted).append(" accepted (")
                .append(activities).append(" activities, ").append(professionals).append(" professionals), ")
                .append(errors).append(errors == 1 ? " error, " : " errors, ")
                .append(warnings).append(warnings == 1 ? " warning" : " warnings");
        long notKept = problemsNotKept();
        if (notKept > 0) {
            s.append(" (").append(notKept).append(" not listed)");
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
