package org.pscfederator.directorystore;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;

import org.pscfederator.directory.ImportReport;
import org.pscfederator.directory.NationalFileReader;
import org.pscfederator.directory.StaffFileReader;

/**
 * Imports a national file, or a staff file, into the store: streams it, writes it as a new generation, and makes it the directory
 * only if the file was accepted. Otherwise the previous directory stays exactly as it was.
 */
public final class DirectoryImporter {

    private final DirectoryStore store;
    private final NationalFileReader nationalReader;
    private final StaffFileReader staffReader;

    public DirectoryImporter(DirectoryStore store, NationalFileReader nationalReader, StaffFileReader staffReader) {
        this.store = store;
        this.nationalReader = nationalReader;
        this.staffReader = staffReader;
    }

    public ImportOutcome importNational(InputStream file, String source)
            throws IOException, SQLException, ImportAlreadyRunningException {
        return importInto(DirectoryEntry.Directory.NATIONAL, source, running -> nationalReader.read(file,
                line -> add(running, new DirectoryEntry(line.idNat().value(), DirectoryEntry.Kind.PS, line.values()))));
    }

    public ImportOutcome importStaff(InputStream file, String source)
            throws IOException, SQLException, ImportAlreadyRunningException {
        return importInto(DirectoryEntry.Directory.STAFF, source, running -> staffReader.read(file,
                member -> add(running, StaffEntries.of(member))));
    }

    private interface Reading {
        ImportReport read(DirectoryImport running) throws IOException;
    }

    private ImportOutcome importInto(DirectoryEntry.Directory directory, String source, Reading reading)
            throws IOException, SQLException, ImportAlreadyRunningException {
        try (DirectoryImport running = store.beginImport(directory, source)) {
            ImportReport report;
            try {
                report = reading.read(running);
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

    private static void add(DirectoryImport running, DirectoryEntry entry) {
        try {
            running.add(entry);
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
