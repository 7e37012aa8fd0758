package org.pscfederator.sandbox;

/** Something the user must fix before the sandbox can start; the message is one line, without a stack trace. */
public class SandboxException extends RuntimeException {

    private final int exitCode;

    public SandboxException(String message) {
        this(message, 1);
    }

    public SandboxException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Bad command-line usage: exit code 2, as for the other commands of the project. */
    public static SandboxException usage(String message) {
        return new SandboxException(message + " (see --help)", 2);
    }
}
