package org.pscfederator.directory;

/** Thrown inside the readers when the whole file must be refused; becomes a FATAL {@link LineProblem}. */
final class FileRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long line;

    FileRefusedException(long line, String reason) {
        super(reason, null, false, false);
        this.line = line;
    }

    long line() {
        return line;
    }

    String reason() {
        return getMessage();
    }
}
