package org.pscfederator.admin;

/**
 * A request refused or a failure while working (a certificate that is not an ORG AUTH_CLI one, an unknown client, the
 * server refusing the admin login, ...): one line for the operator, exit code 1.
 */
final class AdminException extends Exception {

    AdminException(String message) {
        super(message);
    }
}
