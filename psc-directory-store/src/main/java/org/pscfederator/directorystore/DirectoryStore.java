package org.pscfederator.directorystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The professional directory in the database: read by idNat from the active generation, replaced as a whole by an
 * import that becomes visible in one transaction.
 */
public final class DirectoryStore {

    /** An import whose node died is taken over after this long without finishing. */
    static final Duration ABANDONED_IMPORT = Duration.ofHours(6);

    /** Rows of the active generation of their directory. */
    private static final String ACTIVE_JOIN = "JOIN PSC_DIR_STATE S ON S.DIRECTORY = E.DIRECTORY "
            + "AND E.GENERATION = S.ACTIVE_GENERATION ";

    private final DataSource dataSource;

    public DirectoryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The professionals added one at a time beside the imports, checked with this reader. */
    public AddedProfessionals added(org.pscfederator.directory.NationalFileReader reader) {
        return new AddedProfessionals(dataSource, reader);
    }

    public void migrate() throws SQLException {
        DirectorySchema.migrate(dataSource);
    }

    /** The entries of a professional in the active directory, in file order; empty when unknown. */
    public List<DirectoryEntry> entries(String idNat) throws SQLException {
        List<DirectoryEntry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT E.ID_NAT, E.KIND, E.LINE FROM PSC_DIR_LINE E "
                     + ACTIVE_JOIN + "WHERE E.ID_NAT = ? ORDER BY E.DIRECTORY, E.SEQ")) {
            select.setString(1, idNat);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
        }
        return entries;
    }

    /** Professionals of the active directory whose idNat starts with, or whose name is, the text searched. */
    public List<String> search(String text, int first, int max) throws SQLException {
        List<String> idNats = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT DISTINCT E.ID_NAT FROM PSC_DIR_LINE E "
                     + ACTIVE_JOIN + "WHERE E.ID_NAT LIKE ? OR E.NAME_UPPER = ? ORDER BY E.ID_NAT OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            select.setString(1, likePrefix(text));
            select.setString(2, text.toUpperCase(java.util.Locale.ROOT));
            select.setInt(3, Math.max(0, first));
            select.setInt(4, Math.max(0, max));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    idNats.add(rows.getString(1));
                }
            }
        }
        return idNats;
    }

    /** What a directory is now, and the import running on it, if any. */
    public record State(String activeSource, Instant activatedAt, String importSource, Instant importStartedAt) {
        public boolean importRunning() {
            return importStartedAt != null;
        }
    }

    public State state(DirectoryEntry.Directory directory) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT ACTIVE_SOURCE, ACTIVATED_AT, "
                     + "IMPORT_SOURCE, IMPORT_STARTED_AT FROM PSC_DIR_STATE WHERE DIRECTORY = ?")) {
            select.setString(1, directory.name());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new State(null, null, null, null);
                }
                return new State(row.getString(1), instant(row.getTimestamp(2)), row.getString(3),
                        instant(row.getTimestamp(4)));
            }
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The generation a directory serves, its lines and when it was activated; empty before its first import. */
    public record Active(long generation, long lines, Instant activatedAt) {
    }

    public java.util.Optional<Active> active(DirectoryEntry.Directory directory) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT S.ACTIVE_GENERATION, S.ACTIVATED_AT, "
                     + "(SELECT COUNT(*) FROM PSC_DIR_LINE E WHERE E.DIRECTORY = S.DIRECTORY "
                     + "AND E.GENERATION = S.ACTIVE_GENERATION) FROM PSC_DIR_STATE S WHERE S.DIRECTORY = ?")) {
            select.setString(1, directory.name());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return java.util.Optional.empty();
                }
                long generation = row.getLong(1);
                if (row.wasNull()) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(new Active(generation, row.getLong(3), instant(row.getTimestamp(2))));
            }
        }
    }

    public long countProfessionals() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(DISTINCT E.ID_NAT) FROM PSC_DIR_LINE E " + ACTIVE_JOIN);
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Starts an import: takes the cluster-wide import lock and a new generation number. The caller adds entries,
     * then activates or abandons it.
     */
    public DirectoryImport beginImport(DirectoryEntry.Directory directory, String source)
            throws SQLException, ImportAlreadyRunningException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT IMPORT_GENERATION, IMPORT_STARTED_AT, IMPORT_SOURCE, NEXT_GENERATION, ACTIVE_GENERATION "
                            + "FROM PSC_DIR_STATE WHERE DIRECTORY = ? FOR UPDATE")) {
                lock.setString(1, directory.name());
                ResultSet state = lock.executeQuery();
                state.next();
                boolean isRunning = state.getObject(1) != null;
                Timestamp startedAt = state.getTimestamp(2);
                String runningSource = state.getString(3);
                long generation = state.getLong(4);
                long active = state.getLong(5);
                boolean hasActive = !state.wasNull();
                if (isRunning && startedAt.toInstant().isAfter(Instant.now().minus(ABANDONED_IMPORT))) {
                    connection.rollback();
                    throw new ImportAlreadyRunningException(runningSource, startedAt.toInstant());
                }
                // Whatever is neither the directory nor this import is left over (an abandoned or crashed run).
                try (PreparedStatement leftovers = connection.prepareStatement(
                        "DELETE FROM PSC_DIR_LINE WHERE DIRECTORY = ? AND GENERATION <> ?")) {
                    leftovers.setString(1, directory.name());
                    leftovers.setLong(2, hasActive ? active : -1);
                    leftovers.executeUpdate();
                }
                try (PreparedStatement take = connection.prepareStatement("UPDATE PSC_DIR_STATE SET "
                        + "IMPORT_GENERATION = ?, IMPORT_STARTED_AT = ?, IMPORT_SOURCE = ?, NEXT_GENERATION = ? "
                        + "WHERE DIRECTORY = ?")) {
                    take.setLong(1, generation);
                    take.setTimestamp(2, Timestamp.from(Instant.now()));
                    take.setString(3, truncate(source, 255));
                    take.setLong(4, generation + 1);
                    take.setString(5, directory.name());
                    take.executeUpdate();
                }
                connection.commit();
                try {
                    return new DirectoryImport(dataSource, directory, generation);
                } catch (SQLException | RuntimeException | Error e) {
                    release(connection, directory, generation);
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Gives the import lock back, if this generation still holds it. */
    static void release(Connection connection, DirectoryEntry.Directory directory, long generation)
            throws SQLException {
        try (PreparedStatement release = connection.prepareStatement("UPDATE PSC_DIR_STATE SET IMPORT_GENERATION = NULL, "
                + "IMPORT_STARTED_AT = NULL, IMPORT_SOURCE = NULL WHERE DIRECTORY = ? AND IMPORT_GENERATION = ?")) {
            release.setString(1, directory.name());
            release.setLong(2, generation);
            release.executeUpdate();
        }
        connection.commit();
    }

    static void deleteGeneration(Connection connection, DirectoryEntry.Directory directory, long generation)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM PSC_DIR_LINE WHERE DIRECTORY = ? AND GENERATION = ?")) {
            delete.setString(1, directory.name());
            delete.setLong(2, generation);
            delete.executeUpdate();
        }
    }

    private static DirectoryEntry entry(ResultSet row) throws SQLException {
        return new DirectoryEntry(row.getString("ID_NAT"), DirectoryEntry.Kind.valueOf(row.getString("KIND")),
                DirectoryEntry.fieldsOf(row.getString("LINE")));
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** At most {@code max} characters, as the store's text columns keep them. */
    public static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
