package org.pscfederator.directory.cli;

/** A command line that cannot be run: the message says what to change, the exit code is 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
