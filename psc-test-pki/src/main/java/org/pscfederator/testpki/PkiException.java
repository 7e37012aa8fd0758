package org.pscfederator.testpki;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A test PKI operation that cannot be done. The message is one line a user can act on. {@link #isBadInput()} tells
 * a mistake of the caller (bad identifier, missing PKI, unwritable directory) from a failure while doing the work.
 */
public final class PkiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean badInput;

    public PkiException(String message) {
        this(message, null, false);
    }

    public PkiException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private PkiException(String message, Throwable cause, boolean badInput) {
        super(oneLine(message), cause);
        this.badInput = badInput;
    }

    /** The caller asked for something that cannot be (the command line answers exit code 2). */
    public static PkiException badInput(String message) {
        return new PkiException(message, null, true);
    }

    public boolean isBadInput() {
        return badInput;
    }

    /**
     * A file operation failed. Permission and "something is in the way" errors are the caller's to fix (bad input);
     * anything else is a failure.
     */
    static PkiException io(String what, Path path, IOException e) {
        boolean callerFixable = e instanceof AccessDeniedException || e instanceof NotDirectoryException
                || e instanceof FileAlreadyExistsException
                || (e instanceof FileSystemException fse && fse.getReason() != null
                        && (fse.getReason().contains("Read-only") || fse.getReason().contains("Not a directory")));
        return new PkiException("cannot " + what + " " + path + ": " + describe(e), e, callerFixable);
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Quotes user input in a message: printable, bounded, on one line. */
    static String quote(String input) {
        if (input == null) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder("'");
        input.codePoints().limit(80).forEach(c -> text.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.append(input.length() > 80 ? "...'" : "'").toString();
    }

    private static String oneLine(String message) {
        return message == null ? null : message.replaceAll("[\\r\\n]+", " ");
    }
}
