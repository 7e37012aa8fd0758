package org.pscfederator.keycloak.ecps;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.pscfederator.directorystore.DirectoryStore;

/** The device store migrates its own schema, on a new database and on one where the directory's version 3 made it. */
class DeviceSchemaTest {

    /** The table as the directory's schema version 3 created it, before the device store had a schema of its own. */
    private static final String TABLE_OF_DIRECTORY_V3 = "CREATE TABLE PSC_ECPS_DEVICE (DEVICE_ID VARCHAR(64) NOT NULL, "
            + "ID_NAT VARCHAR(64) NOT NULL, PUBLIC_JWK VARCHAR(2000) NOT NULL, LABEL VARCHAR(200) NOT NULL, "
            + "CREATED_AT TIMESTAMP NOT NULL, LAST_USED_AT TIMESTAMP, REVOKED_AT TIMESTAMP, "
            + "CONSTRAINT PK_PSC_ECPS_DEVICE PRIMARY KEY (DEVICE_ID))";

    private final Device phone = new Device("d-1", "899700366240", "{\"kty\":\"EC\"}", "Téléphone",
            Instant.now().truncatedTo(ChronoUnit.SECONDS), null, null);

    @Test
    void aNewDatabaseGetsTheDeviceTableFromTheDeviceStore() throws Exception {
        JdbcDataSource dataSource = database("new");
        new DirectoryStore(dataSource).migrate();
        DatabaseDeviceStoreFactory.SCHEMA.migrate(dataSource);

        DeviceStore devices = new DeviceStore(dataSource);
        devices.add(phone);

        assertThat(devices.of("899700366240")).extracting(Device::id).containsExactly("d-1");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(DatabaseDeviceStoreFactory.SCHEMA.appliedVersion(connection)).isEqualTo(1);
        }
    }

    @Test
    void devicesOfADatabaseAtDirectoryVersionThreeAreKept() throws Exception {
        JdbcDataSource dataSource = database("v3");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(TABLE_OF_DIRECTORY_V3);
            statement.execute("CREATE INDEX PSC_ECPS_DEVICE_ID_NAT ON PSC_ECPS_DEVICE (ID_NAT)");
        }
        new DeviceStore(dataSource).add(phone);

        DatabaseDeviceStoreFactory.SCHEMA.migrate(dataSource);
        DatabaseDeviceStoreFactory.SCHEMA.migrate(dataSource);

        assertThat(new DeviceStore(dataSource).find("d-1")).hasValueSatisfying(found ->
                assertThat(found.idNat()).isEqualTo("899700366240"));
        try (Connection connection = dataSource.getConnection()) {
            assertThat(DatabaseDeviceStoreFactory.SCHEMA.appliedVersion(connection)).isEqualTo(1);
        }
    }

    private static JdbcDataSource database(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:devices-" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
