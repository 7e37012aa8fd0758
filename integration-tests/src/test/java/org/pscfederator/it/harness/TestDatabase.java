package org.pscfederator.it.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A PostgreSQL database of its own for one test server, on the local server (127.0.0.1:5432 unless
 * PSC_TEST_PG_HOST/PSC_TEST_PG_PORT/PSC_TEST_PG_USER say otherwise), dropped at the end.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String HOST = env("PSC_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("PSC_TEST_PG_PORT", "5432");
    private static final String USER = env("PSC_TEST_PG_USER", "postgres");

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** Why PostgreSQL cannot be used here, or null when it can. */
    public static String unavailableReason() {
        try (Connection ignored = admin()) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL not reachable at " + HOST + ":" + PORT + " as " + USER + " (" + e.getMessage() + ")";
        }
    }

    public static TestDatabase create(String prefix) throws SQLException {
        String name = prefix + "_" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new TestDatabase(name);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    public String user() {
        return USER;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), properties());
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", properties());
    }

    private static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("connectTimeout", "5");
        return properties;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
