package org.pscfederator.directorystore;

import java.time.Instant;

/** Only one import at a time, across every Keycloak node: a second one is refused, never queued. */
public class ImportAlreadyRunningException extends Exception {

    public ImportAlreadyRunningException(String source, Instant startedAt) {
        super("a directory import is already running (" + source + ", started " + startedAt + ")");
    }
}
