package org.pscfederator.bench;

/** A command line or setting the bench cannot run with; {@link Bench} prints it on one line and exits 2. */
public final class BadOptionsException extends RuntimeException {
    public BadOptionsException(String message) {
        super(message);
    }
}
