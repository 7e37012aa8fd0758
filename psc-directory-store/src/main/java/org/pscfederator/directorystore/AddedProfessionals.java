package org.pscfederator.directorystore;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.pscfederator.directory.ActivityLine;
import org.pscfederator.directory.ImportReport;
import org.pscfederator.directory.LineProblem;
import org.pscfederator.directory.NationalFileReader;

/**
 * Professionals added one at a time beside the imported national directory, and removed the same way (the sandbox's
 * test identities): nothing else in the directory changes. A professional is given as a national file of its own
 * (the header, then its lines), checked by the import's own reader and refused at the least problem, warnings
 * included. Its lines go into the active generation, under the import lock's row lock, so that an import cannot
 * start or finish meanwhile; only professionals added this way can be removed this way.
 */
public final class AddedProfessionals {

    /** Lines one added professional may have: activities, not a directory. */
    public static final int MAX_LINES = 50;

    private final DataSource dataSource;
    private final NationalFileReader reader;

    public AddedProfessionals(DataSource dataSource, NationalFileReader reader) {
        this.dataSource = dataSource;
        this.reader = reader;
    }

    /** An added professional of the active directory, with its lines in file order. */
    public record Added(String idNat, Instant addedAt, String source, List<DirectoryEntry> entries) {
    }

    /** Why a professional was not added; nothing was written. */
    public static final class RefusedException extends Exception {

        /** What was wrong: the lines given, or the directory's state. */
        public enum Reason { INVALID_LINES, ALREADY_IN_DIRECTORY, NO_DIRECTORY }

        private final Reason reason;
        private final transient List<LineProblem> problems;

        RefusedException(Reason reason, String message, List<LineProblem> problems) {
            super(message);
            this.reason = reason;
            this.problems = List.copyOf(problems);
        }

        public Reason reason() {
            return reason;
        }

        public List<LineProblem> problems() {
            return problems;
        }
    }

    /** What a removal did. */
    public enum Removal {
        REMOVED,
        /** In the directory, but from an import: not removed. */
        IMPORTED,
        UNKNOWN
    }

    /** Reads one professional's lines, checks them as an import would, and adds them to the directory. */
    public Added add(InputStream nationalFile, String source)
            throws IOException, SQLException, RefusedException, ImportAlreadyRunningException {
        List<ActivityLine> lines = new ArrayList<>();
        ImportReport report = reader.read(nationalFile, line -> {
            if (lines.size() <= MAX_LINES) {
                lines.add(line);
            }
        });
        List<DirectoryEntry> entries = checked(report, lines);
        String idNat = entries.get(0).idNat();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Long active = lockActive(connection);
                if (active == null) {
                    throw new RefusedException(RefusedException.Reason.NO_DIRECTORY,
                            "the national directory is empty: import it first", List.of());
                }
                long generation = active;
                if (inGeneration(connection, generation, idNat)) {
                    throw new RefusedException(RefusedException.Reason.ALREADY_IN_DIRECTORY,
                            idNat + " is already in the directory", List.of());
                }
                insertLines(connection, generation, entries);
                Instant now = Instant.now();
                deleteRecord(connection, idNat);
                try (PreparedStatement record = connection.prepareStatement("INSERT INTO PSC_DIR_ADDED "
                        + "(DIRECTORY, ID_NAT, GENERATION, ADDED_AT, SOURCE) VALUES (?, ?, ?, ?, ?)")) {
                    record.setString(1, DirectoryEntry.Directory.NATIONAL.name());
                    record.setString(2, idNat);
                    record.setLong(3, generation);
                    record.setTimestamp(4, Timestamp.from(now));
                    record.setString(5, DirectoryStore.truncate(source, 255));
                    record.executeUpdate();
                }
                connection.commit();
                return new Added(idNat, now, DirectoryStore.truncate(source, 255), entries);
            } catch (SQLException | RuntimeException | RefusedException | ImportAlreadyRunningException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The added professionals still in the directory (an import since then replaced the others), by idNat. */
    public List<Added> list() throws SQLException {
        List<Added> added = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT A.ID_NAT, A.ADDED_AT, A.SOURCE, L.KIND, "
                     + "L.LINE FROM PSC_DIR_ADDED A JOIN PSC_DIR_STATE S ON S.DIRECTORY = A.DIRECTORY "
                     + "AND S.ACTIVE_GENERATION = A.GENERATION JOIN PSC_DIR_LINE L ON L.DIRECTORY = A.DIRECTORY "
                     + "AND L.GENERATION = A.GENERATION AND L.ID_NAT = A.ID_NAT WHERE A.DIRECTORY = ? "
                     + "ORDER BY A.ID_NAT, L.SEQ")) {
            select.setString(1, DirectoryEntry.Directory.NATIONAL.name());
            try (ResultSet rows = select.executeQuery()) {
                String current = null;
                List<DirectoryEntry> entries = null;
                while (rows.next()) {
                    String idNat = rows.getString(1);
                    if (!idNat.equals(current)) {
                        current = idNat;
                        entries = new ArrayList<>();
                        added.add(new Added(idNat, rows.getTimestamp(2).toInstant(), rows.getString(3), entries));
                    }
                    entries.add(new DirectoryEntry(idNat, DirectoryEntry.Kind.valueOf(rows.getString(4)),
                            DirectoryEntry.fieldsOf(rows.getString(5))));
                }
            }
        }
        return added.stream().map(a -> new Added(a.idNat(), a.addedAt(), a.source(), List.copyOf(a.entries())))
                .toList();
    }

    /**
     * Removes a professional that was added one at a time, lines and record; one from an import stays. A record
     * whose lines an import already dropped goes too ({@link Removal#REMOVED}): the tool cleans up after it.
     */
    public Removal remove(String idNat) throws SQLException, ImportAlreadyRunningException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Long active = lockActive(connection);
                long generation = active == null ? -1 : active;
                Optional<Long> recorded = recordedGeneration(connection, idNat);
                if (recorded.isEmpty()) {
                    connection.rollback();
                    return inGeneration(connection, generation, idNat) ? Removal.IMPORTED : Removal.UNKNOWN;
                }
                if (recorded.get() == generation) {
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM PSC_DIR_LINE WHERE DIRECTORY = ? AND GENERATION = ? AND ID_NAT = ?")) {
                        delete.setString(1, DirectoryEntry.Directory.NATIONAL.name());
                        delete.setLong(2, generation);
                        delete.setString(3, idNat);
                        delete.executeUpdate();
                    }
                }
                deleteRecord(connection, idNat);
                connection.commit();
                return Removal.REMOVED;
            } catch (SQLException | RuntimeException | ImportAlreadyRunningException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The lines as entries of one professional, or the refusal naming the first problem. */
    private static List<DirectoryEntry> checked(ImportReport report, List<ActivityLine> lines)
            throws RefusedException {
        if (!report.problems().isEmpty() || report.isRefused()) {
            LineProblem first = report.refusal().orElse(report.problems().get(0));
            throw new RefusedException(RefusedException.Reason.INVALID_LINES, first.message(), report.problems());
        }
        if (lines.size() > MAX_LINES) {
            throw new RefusedException(RefusedException.Reason.INVALID_LINES, "more than " + MAX_LINES
                    + " lines: one professional is added at a time", List.of());
        }
        String idNat = lines.get(0).idNat().value();
        for (ActivityLine line : lines) {
            if (!line.idNat().value().equals(idNat)) {
                throw new RefusedException(RefusedException.Reason.INVALID_LINES, "line " + line.lineNumber()
                        + ": " + line.idNat() + " is not " + idNat + ": one professional is added at a time",
                        List.of());
            }
        }
        return lines.stream().map(line -> new DirectoryEntry(idNat, DirectoryEntry.Kind.PS, line.values())).toList();
    }

    /**
     * Takes the national directory's state row lock; the active generation (null when none was ever imported),
     * refused while an import runs.
     */
    private static Long lockActive(Connection connection) throws SQLException, ImportAlreadyRunningException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT ACTIVE_GENERATION, IMPORT_STARTED_AT, "
                + "IMPORT_SOURCE FROM PSC_DIR_STATE WHERE DIRECTORY = ? FOR UPDATE")) {
            lock.setString(1, DirectoryEntry.Directory.NATIONAL.name());
            try (ResultSet state = lock.executeQuery()) {
                state.next();
                long active = state.getLong(1);
                boolean hasActive = !state.wasNull();
                Timestamp importStarted = state.getTimestamp(2);
                // Its activation would drop the lines added meanwhile with the generation they went into.
                if (importStarted != null
                        && importStarted.toInstant().isAfter(Instant.now().minus(DirectoryStore.ABANDONED_IMPORT))) {
                    throw new ImportAlreadyRunningException(state.getString(3), importStarted.toInstant());
                }
                return hasActive ? active : null;
            }
        }
    }

    private static boolean inGeneration(Connection connection, long generation, String idNat) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM PSC_DIR_LINE WHERE DIRECTORY = ? "
                + "AND GENERATION = ? AND ID_NAT = ? FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, DirectoryEntry.Directory.NATIONAL.name());
            select.setLong(2, generation);
            select.setString(3, idNat);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Optional<Long> recordedGeneration(Connection connection, String idNat) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT GENERATION FROM PSC_DIR_ADDED WHERE DIRECTORY = ? AND ID_NAT = ?")) {
            select.setString(1, DirectoryEntry.Directory.NATIONAL.name());
            select.setString(2, idNat);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void deleteRecord(Connection connection, String idNat) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM PSC_DIR_ADDED WHERE DIRECTORY = ? AND ID_NAT = ?")) {
            delete.setString(1, DirectoryEntry.Directory.NATIONAL.name());
            delete.setString(2, idNat);
            delete.executeUpdate();
        }
    }

    private static void insertLines(Connection connection, long generation, List<DirectoryEntry> entries)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO PSC_DIR_LINE (DIRECTORY, GENERATION, "
                + "ID_NAT, SEQ, KIND, NAME_UPPER, LINE) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (DirectoryEntry entry : entries) {
                insert.setString(1, DirectoryEntry.Directory.NATIONAL.name());
                insert.setLong(2, generation);
                insert.setString(3, entry.idNat());
                insert.setInt(4, ++seq);
                insert.setString(5, entry.kind().name());
                insert.setString(6, entry.nameUpper());
                insert.setString(7, entry.line());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
