package org.pscfederator.identity;

/** A refusal or a failure while working (server unreachable, realm not a sandbox, ...): one line, exit code 1. */
final class IdentityException extends Exception {

    IdentityException(String message) {
        super(message);
    }
}
