package org.pscfederator.directorystore;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * PostgreSQL's COPY, many times faster than batched INSERTs for a national-size import. Loaded only on
 * PostgreSQL: a server built for H2 does not carry the PostgreSQL driver.
 */
final class PostgresCopy {

    private PostgresCopy() {
    }

    static boolean supports(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                && connection.isWrapperFor(PGConnection.class);
    }

    /** {@code rows} in COPY's text format: tab-separated columns, backslash escapes, one row per line. */
    static void copyIn(Connection connection, String table, CharSequence rows) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN",
                    new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("cannot write the directory: " + e.getMessage(), e);
        }
    }
}
