package org.pscfederator.bench;

/** A flow step that did not answer as a successful login would; the message is safe to print. */
public final class FlowFailure extends Exception {
    public FlowFailure(String message) {
        // No stack trace: failures are counted by the thousand and only their messages are shown.
        super(message, null, false, false);
    }
}
