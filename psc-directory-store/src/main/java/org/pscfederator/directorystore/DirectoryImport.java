package org.pscfederator.directorystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

/**
 * A directory being imported: entries go into a generation that nobody reads until {@link #activate()} makes it the
 * directory in one transaction. Until then, and if the import fails, the previous directory stays as it was.
 */
public final class DirectoryImport implements AutoCloseable {

    /** Rows per commit: large enough for speed, small enough to keep transactions short. */
    static final int BATCH = 5_000;

    private final DirectoryEntry.Directory directory;
    private final long generation;
    private final Connection connection;
    private final boolean copy;
    private final StringBuilder copyBuffer = new StringBuilder();
    /** Writes one COPY batch while the reader parses the next: the two halves of an import overlap. */
    private ExecutorService copyWriter;
    private Future<?> copyInFlight;
    private int copyInFlightRows;
    private PreparedStatement insert;
    private int pending;
    private int seq;
    private long written;
    private boolean finished;

    DirectoryImport(DataSource dataSource, DirectoryEntry.Directory directory, long generation) throws SQLException {
        this.directory = directory;
        this.generation = generation;
        this.connection = dataSource.getConnection();
        this.connection.setAutoCommit(false);
        this.copy = PostgresCopy.supports(connection);
    }

    public long generation() {
        return generation;
    }

    public long written() {
        return written + copyInFlightRows + pending;
    }

    public void add(DirectoryEntry entry) throws SQLException {
        if (entry.kind().directory() != directory) {
            throw new IllegalArgumentException("a " + entry.kind() + " entry does not belong in the " + directory
                    + " directory");
        }
        seq++;
        if (copy) {
            appendCopyRow(entry);
        } else {
            addInsert(entry);
        }
        if (++pending >= BATCH) {
            flush();
        }
    }

    /** Makes this import the directory, in one transaction, and drops the one it replaces. */
    public void activate() throws SQLException {
        flush();
        awaitCopy();
        try (PreparedStatement previous = connection.prepareStatement(
                "SELECT ACTIVE_GENERATION, IMPORT_GENERATION FROM PSC_DIR_STATE WHERE DIRECTORY = ? FOR UPDATE")) {
            previous.setString(1, directory.name());
            ResultSet state = previous.executeQuery();
            state.next();
            long old = state.getLong(1);
            boolean hadOne = !state.wasNull();
            if (state.getLong(2) != generation) {
                connection.rollback();
                throw new SQLException("the import lock was taken over by another import; this one is abandoned");
            }
            try (PreparedStatement swap = connection.prepareStatement("UPDATE PSC_DIR_STATE SET "
                    + "ACTIVE_GENERATION = IMPORT_GENERATION, ACTIVE_SOURCE = IMPORT_SOURCE, ACTIVATED_AT = ?, "
                    + "IMPORT_GENERATION = NULL, IMPORT_STARTED_AT = NULL, IMPORT_SOURCE = NULL WHERE DIRECTORY = ?")) {
                swap.setTimestamp(1, Timestamp.from(Instant.now()));
                swap.setString(2, directory.name());
                swap.executeUpdate();
            }
            connection.commit();
            finished = true;
            if (hadOne) {
                DirectoryStore.deleteGeneration(connection, directory, old);
                connection.commit();
            }
        }
    }

    /** Drops what this import wrote and releases the lock; the active directory is untouched. */
    public void abandon() throws SQLException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            awaitCopy();
        } catch (SQLException e) {
            // the batch in flight failed: its rows are rolled back below with the rest
        }
        connection.rollback();
        DirectoryStore.deleteGeneration(connection, directory, generation);
        DirectoryStore.release(connection, directory, generation);
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!finished) {
                abandon();
            }
        } finally {
            if (copyWriter != null) {
                copyWriter.shutdownNow();
            }
            if (insert != null) {
                insert.close();
            }
            connection.close();
        }
    }

    private void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        if (copy) {
            awaitCopy();
            String rows = copyBuffer.toString();
            copyBuffer.setLength(0);
            copyInFlightRows = pending;
            pending = 0;
            copyInFlight = copyWriter().submit(() -> {
                PostgresCopy.copyIn(connection, "PSC_DIR_LINE (DIRECTORY, GENERATION, ID_NAT, SEQ, KIND, NAME_UPPER, LINE)", rows);
                connection.commit();
                return null;
            });
            return;
        }
        insert.executeBatch();
        connection.commit();
        written += pending;
        pending = 0;
    }

    /** Waits for the COPY batch in flight, if any; the connection is used by one thread at a time. */
    private void awaitCopy() throws SQLException {
        if (copyInFlight == null) {
            return;
        }
        Future<?> running = copyInFlight;
        copyInFlight = null;
        try {
            running.get();
            written += copyInFlightRows;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw new SQLException("cannot write the directory: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            throw new SQLException("the import was interrupted", e);
        } finally {
            copyInFlightRows = 0;
        }
    }

    private ExecutorService copyWriter() {
        if (copyWriter == null) {
            copyWriter = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "psc-directory-copy-" + directory.name().toLowerCase(java.util.Locale.ROOT));
                thread.setDaemon(true);
                return thread;
            });
        }
        return copyWriter;
    }

    private void addInsert(DirectoryEntry entry) throws SQLException {
        if (insert == null) {
            insert = connection.prepareStatement("INSERT INTO PSC_DIR_LINE (DIRECTORY, GENERATION, ID_NAT, SEQ, KIND, "
                    + "NAME_UPPER, LINE) VALUES (?, ?, ?, ?, ?, ?, ?)");
        }
        insert.setString(1, directory.name());
        insert.setLong(2, generation);
        insert.setString(3, entry.idNat());
        insert.setInt(4, seq);
        insert.setString(5, entry.kind().name());
        insert.setString(6, entry.nameUpper());
        insert.setString(7, entry.line());
        insert.addBatch();
    }

    /** PostgreSQL's COPY text format: tab-separated, with backslash escapes. */
    private void appendCopyRow(DirectoryEntry entry) {
        copyBuffer.append(directory.name()).append('\t').append(generation).append('\t');
        appendCopyText(entry.idNat());
        copyBuffer.append('\t').append(seq).append('\t').append(entry.kind().name()).append('\t');
        appendCopyText(entry.nameUpper());
        copyBuffer.append('\t');
        appendCopyText(entry.line());
        copyBuffer.append('\n');
    }

    private void appendCopyText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> copyBuffer.append("\\\\");
                case '\t' -> copyBuffer.append("\\t");
                case '\n' -> copyBuffer.append("\\n");
                case '\r' -> copyBuffer.append("\\r");
                default -> copyBuffer.append(c);
            }
        }
    }
}
