package org.pscfederator.core.identifiers;

/** An identifier that is not a valid idNat; the message says why. */
public final class InvalidIdNatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidIdNatException(String message) {
        super(message);
    }
}
