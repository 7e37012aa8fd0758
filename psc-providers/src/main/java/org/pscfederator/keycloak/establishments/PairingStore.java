package org.pscfederator.keycloak.establishments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

import org.keycloak.provider.Provider;
import org.pscfederator.core.establishments.PairingMeans;

/**
 * The pairings, in table PSC_PAIRING of Keycloak's database (its own schema, establishments/schema, migrated by
 * {@link DatabasePairingStoreFactory}). Writes commit on a thread of their own, outside the request's transaction,
 * as the device store's do: an ended pairing stays ended even if the request that ended it fails afterwards.
 */
public final class PairingStore implements Provider {

    private static final String COLUMNS = "REALM_ID, PROVIDER, SUBJECT, ID_NAT, USER_ID, CREATED_AT, MEANS, EXPIRES_AT";
    /** SQL's class of integrity constraint violations: a unique key already held. */
    private static final String CONSTRAINT_VIOLATION = "23";

    private final DataSource dataSource;

    public PairingStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The pairing of that local account at that provider. */
    public Optional<Pairing> bySubject(String realmId, String provider, String subject) throws SQLException {
        return one("REALM_ID = ? AND PROVIDER = ? AND SUBJECT = ?", realmId, provider, subject);
    }

    /** The pairing of that professional at that provider. */
    public Optional<Pairing> byIdNat(String realmId, String provider, String idNat) throws SQLException {
        return one("REALM_ID = ? AND PROVIDER = ? AND ID_NAT = ?", realmId, provider, idNat);
    }

    /** The professional's pairings at every provider of the realm, oldest first. */
    public List<Pairing> ofIdNat(String realmId, String idNat) throws SQLException {
        return all("REALM_ID = ? AND ID_NAT = ?", realmId, idNat);
    }

    /** Every pairing at that provider, oldest first. */
    public List<Pairing> ofProvider(String realmId, String provider) throws SQLException {
        return all("REALM_ID = ? AND PROVIDER = ?", realmId, provider);
    }

    /** False, and nothing written, when that local account or that professional is already paired there. */
    public boolean add(Pairing pairing) {
        try {
            write("INSERT INTO PSC_PAIRING (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
                statement.setString(1, pairing.realmId());
                statement.setString(2, pairing.provider());
                statement.setString(3, pairing.subject());
                statement.setString(4, pairing.idNat());
                statement.setString(5, pairing.userId());
                statement.setTimestamp(6, Timestamp.from(pairing.createdAt()));
                statement.setString(7, pairing.means().wire());
                statement.setTimestamp(8, Timestamp.from(pairing.expiresAt()));
            });
            return true;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONSTRAINT_VIOLATION)) {
                return false;
            }
            throw e;
        }
    }

    /** True if that pairing was there and is now gone. */
    public boolean remove(Pairing pairing) {
        return write("DELETE FROM PSC_PAIRING WHERE REALM_ID = ? AND PROVIDER = ? AND SUBJECT = ? AND ID_NAT = ?",
                statement -> {
                    statement.setString(1, pairing.realmId());
                    statement.setString(2, pairing.provider());
                    statement.setString(3, pairing.subject());
                    statement.setString(4, pairing.idNat());
                }) == 1;
    }

    private Optional<Pairing> one(String where, String... values) throws SQLException {
        List<Pairing> found = all(where, values);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Pairing> all(String where, String... values) throws SQLException {
        List<Pairing> pairings = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM PSC_PAIRING WHERE "
                     + where + " ORDER BY CREATED_AT, PROVIDER, SUBJECT")) {
            for (int i = 0; i < values.length; i++) {
                select.setString(i + 1, values[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pairings.add(pairing(rows));
                }
            }
        }
        return pairings;
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
            throw new IllegalStateException("pairing store: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static Pairing pairing(ResultSet row) throws SQLException {
        PairingMeans means = PairingMeans.of(row.getString(7))
                .orElseThrow(() -> new SQLException("unknown pairing means in PSC_PAIRING"));
        return new Pairing(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getTimestamp(6).toInstant(), means, row.getTimestamp(8).toInstant());
    }

    /** Shared by every session: its factory holds it, a session's end leaves it open. */
    @Override
    public void close() {
    }
}
