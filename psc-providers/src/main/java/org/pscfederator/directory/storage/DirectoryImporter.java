package org.pscfederator.directory.storage;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;

import org.pscfederator.directory.ActivityLine;
import org.pscfederator.directory.ImportReport;
import org.pscfederator.directory.NationalFileReader;

/**
 * Imports a national file into the store: streams it, writes it as a new generation, and makes it the directory
 * only if the file was accepted. Otherwise the previous directory stays exactly as it was.
 */
public final class DirectoryImporter {

    private final DirectoryStore store;
    private final NationalFileReader reader;

    public DirectoryImporter(DirectoryStore store, NationalFileReader reader) {
        this.store = store;
        this.reader = reader;
    }

    public ImportOutcome importNational(InputStream file, String source)
            throws IOException, SQLException, ImportAlreadyRunningException {
        try (DirectoryImport running = store.beginImport(source)) {
            ImportReport report;
            try {
                report = reader.read(file, line -> add(running, line));
            } catch (UncheckedSqlException e) {
                throw e.getCause();
            }
            if (ImportOutcome.activates(report)) {
                running.activate();
                return new ImportOutcome(report, true);
            }
            running.abandon();
            return new ImportOutcome(report, false);
        }
    }

    private static void add(DirectoryImport running, ActivityLine line) {
        try {
            running.add(new DirectoryEntry(line.idNat().value(), DirectoryEntry.Kind.PS, line.values()));
        } catch (SQLException e) {
            throw new UncheckedSqlException(e);
        }
    }

    /** Carries a database failure out of the reader's consumer, which cannot throw it. */
    private static final class UncheckedSqlException extends RuntimeException {
        UncheckedSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
