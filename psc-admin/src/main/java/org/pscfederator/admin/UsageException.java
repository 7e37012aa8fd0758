package org.pscfederator.admin;

/** A command line that cannot be run (unknown option, missing value, unreadable file): exit code 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
