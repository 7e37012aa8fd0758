package org.pscfederator.keycloak.ecps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;
import org.keycloak.provider.Provider;

/**
 * The e-CPS devices, in table PSC_ECPS_DEVICE of Keycloak's database (its own schema, ecps/schema, migrated by
 * DatabaseDeviceStoreFactory).
 * Writes commit on a thread of their own, outside the request's transaction: a revocation must hold even if the
 * request that made it fails afterwards, and a registration is complete when the device is told its id.
 */
public final class DeviceStore implements Provider {

    private static final String COLUMNS = "DEVICE_ID, ID_NAT, PUBLIC_JWK, LABEL, CREATED_AT, LAST_USED_AT, REVOKED_AT";

    private final DataSource dataSource;

    public DeviceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Device> find(String deviceId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM PSC_ECPS_DEVICE WHERE DEVICE_ID = ?")) {
            select.setString(1, deviceId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(device(row)) : Optional.empty();
            }
        }
    }

    /** The professional's devices, revoked ones included, oldest first. */
    public List<Device> of(String idNat) throws SQLException {
        List<Device> devices = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM PSC_ECPS_DEVICE WHERE ID_NAT = ? ORDER BY CREATED_AT, DEVICE_ID")) {
            select.setString(1, idNat);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    devices.add(device(rows));
                }
            }
        }
        return devices;
    }

    public void add(Device device) {
        write("INSERT INTO PSC_ECPS_DEVICE (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, NULL, NULL)", statement -> {
            statement.setString(1, device.id());
            statement.setString(2, device.idNat());
            statement.setString(3, device.publicJwk());
            statement.setString(4, device.label());
            statement.setTimestamp(5, Timestamp.from(device.createdAt()));
        });
    }

    /** True if the device was active and is now revoked. */
    public boolean revoke(String deviceId, Instant at) {
        return write("UPDATE PSC_ECPS_DEVICE SET REVOKED_AT = ? WHERE DEVICE_ID = ? AND REVOKED_AT IS NULL",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(at));
                    statement.setString(2, deviceId);
                }) == 1;
    }

    public void touch(String deviceId, Instant at) {
        write("UPDATE PSC_ECPS_DEVICE SET LAST_USED_AT = ? WHERE DEVICE_ID = ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setString(2, deviceId);
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private int write(String sql, Binder binder) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        binder.bind(statement);
                        int count = statement.executeUpdate();
                        connection.commit();
                        return count;
                    } catch (SQLException e) {
                        connection.rollback();
                        throw e;
                    }
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            }).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("e-CPS device store: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static Device device(ResultSet row) throws SQLException {
        return new Device(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                instant(row.getTimestamp(5)), instant(row.getTimestamp(6)), instant(row.getTimestamp(7)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Shared by every session: its factory holds it, a session's end leaves it open. */
    @Override
    public void close() {
    }
}
