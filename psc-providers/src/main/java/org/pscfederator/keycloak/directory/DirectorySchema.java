package org.pscfederator.keycloak.directory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The directory's tables in Keycloak's database, versioned: script {@code directory/storage/schema/V<n>.sql} brings the
 * schema to version n, and PSC_DIR_SCHEMA records each version applied. Keycloak's own Liquibase is reserved to
 * its JPA SPI, which cannot be compiled against from Maven Central.
 */
final class DirectorySchema {

    /** The version this build of the providers needs. */
    static final int CURRENT_VERSION = 3;

    private DirectorySchema() {
    }

    static void migrate(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                createVersionTable(connection);
                for (int version = appliedVersion(connection) + 1; version <= CURRENT_VERSION; version++) {
                    apply(connection, version);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    static int appliedVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT MAX(VERSION) FROM PSC_DIR_SCHEMA")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS PSC_DIR_SCHEMA (VERSION INT NOT NULL, "
                    + "APPLIED_AT TIMESTAMP NOT NULL, CONSTRAINT PK_PSC_DIR_SCHEMA PRIMARY KEY (VERSION))");
        }
        connection.commit();
    }

    /** One transaction per version; the version row goes first, so a second node applying it at once fails fast. */
    private static void apply(Connection connection, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO PSC_DIR_SCHEMA (VERSION, APPLIED_AT) VALUES (" + version
                    + ", CURRENT_TIMESTAMP)");
            for (String sql : statements(version)) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            if (appliedVersion(connection) >= version) {
                return; // another node applied it meanwhile
            }
            throw new SQLException("directory schema version " + version + " failed: " + e.getMessage(), e);
        }
    }

    static List<String> statements(int version) {
        String resource = "directory/storage/schema/V" + version + ".sql";
        try (InputStream in = DirectorySchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("directory schema script " + resource + " is missing");
            }
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.strip().startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    statements.add(current.toString().strip().replaceAll(";$", ""));
                    current.setLength(0);
                }
            }
            return statements;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
