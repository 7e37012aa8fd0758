package org.pscfederator.demorp;

/** A command line that cannot be run: exit code 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
