package org.pscfederator.directory;

/** What a problem in an input file does to the import. */
public enum Severity {

    /** The line is imported; the operator should look at it. */
    WARNING,

    /** The line is skipped; the rest of the file is imported. */
    ERROR,

    /** The whole file is refused: reading stops, and what was handed over before must be discarded. */
    FATAL
}
