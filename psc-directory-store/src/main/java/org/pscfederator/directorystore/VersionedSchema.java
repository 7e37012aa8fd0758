package org.pscfederator.directorystore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

/**
 * Tables of ours in Keycloak's database, versioned: script {@code <scripts>/V<n>.sql} brings the schema to version n,
 * and the version table records each version applied. Each store owns one (the directory, the e-CPS devices), so
 * that each migrates on its own. Keycloak's own Liquibase is reserved to its JPA SPI, which cannot be compiled
 * against from Maven Central.
 */
public record VersionedSchema(String name, String versionTable, String scripts, int currentVersion) {

    public VersionedSchema {
        if (!versionTable.matches("[A-Z_]+")) {
            throw new IllegalArgumentException("version table " + versionTable);
        }
    }

    /**
     * On a thread of its own: the caller may be inside Keycloak's request transaction, in which the scripts could
     * not commit.
     */
    public void migrateOutsideTransaction(DataSource dataSource) {
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    migrate(dataSource);
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            }).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("cannot migrate the " + name + " schema: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    public void migrate(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                createVersionTable(connection);
                for (int version = appliedVersion(connection) + 1; version <= currentVersion; version++) {
                    apply(connection, version);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    public int appliedVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT MAX(VERSION) FROM " + versionTable)) {
            result.next();
            return result.getInt(1);
        }
    }

    private void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + versionTable + " (VERSION INT NOT NULL, "
                    + "APPLIED_AT TIMESTAMP NOT NULL, CONSTRAINT PK_" + versionTable + " PRIMARY KEY (VERSION))");
        }
        connection.commit();
    }

    /** One transaction per version; the version row goes first, so a second node applying it at once fails fast. */
    private void apply(Connection connection, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + versionTable + " (VERSION, APPLIED_AT) VALUES (" + version
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
            throw new SQLException(name + " schema version " + version + " failed: " + e.getMessage(), e);
        }
    }

    public List<String> statements(int version) {
        String resource = scripts + "/V" + version + ".sql";
        try (InputStream in = VersionedSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(name + " schema script " + resource + " is missing");
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
