package org.pscfederator.sandbox;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Checks what would otherwise make Keycloak fail half-way with a long stack trace: a busy port, a database that
 * does not answer.
 */
final class Preflight {

    private static final int DATABASE_TIMEOUT_SECONDS = 5;
    private static final int PORT_ATTEMPTS = 20;

    private Preflight() {
    }

    static void checkPortFree(int port, String option) {
        try (ServerSocket socket = new ServerSocket()) {
            // As Keycloak binds: connections of an earlier run lingering in TIME_WAIT do not make the port busy.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (BindException e) {
            throw new SandboxException("port " + port + " is already in use (another sandbox or server?); "
                    + "stop it or choose another port with " + option);
        } catch (IOException e) {
            throw new SandboxException("cannot open port " + port + ": " + e.getMessage());
        }
    }

    /**
     * A port nothing listens on, on the loopback interface, for Keycloak behind its front, and none of the ports
     * {@code promised} (the public and management ports, which nothing listens on yet either: the system could hand
     * one of them out); the port is added to them.
     */
    static int freeLoopbackPort(Set<Integer> promised) {
        return freeLoopbackPort(promised, Preflight::unusedLoopbackPort);
    }

    static int freeLoopbackPort(Set<Integer> promised, IntSupplier unused) {
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = unused.getAsInt();
            if (promised.add(port)) {
                return port;
            }
        }
        throw new SandboxException("cannot find a free loopback port apart from " + promised);
    }

    private static int unusedLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new SandboxException("cannot find a free loopback port: " + e.getMessage());
        }
    }

    static void checkDatabase(SandboxOptions options) {
        if (options.database() != DatabaseKind.POSTGRES) {
            return;
        }
        Properties properties = new Properties();
        if (options.dbUsername() != null) {
            properties.setProperty("user", options.dbUsername());
        }
        if (options.dbPassword() != null) {
            properties.setProperty("password", options.dbPassword());
        }
        properties.setProperty("connectTimeout", Integer.toString(DATABASE_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(DATABASE_TIMEOUT_SECONDS));
        try (Connection connection = DriverManager.getConnection(options.dbUrl(), properties)) {
            connection.isValid(DATABASE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            throw new SandboxException("cannot connect to the database at " + withoutQuery(options.dbUrl()) + ": "
                    + firstLine(e.getMessage()));
        }
    }

    /** JDBC URLs may carry a password in their query string; it must not reach a terminal or a log. */
    static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
