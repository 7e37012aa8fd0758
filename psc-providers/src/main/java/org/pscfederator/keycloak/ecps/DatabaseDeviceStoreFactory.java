package org.pscfederator.keycloak.ecps;

import org.pscfederator.keycloak.directory.MigratedStoreFactory;
import org.pscfederator.directorystore.VersionedSchema;

/**
 * The devices in Keycloak's database, schema PSC_ECPS_SCHEMA (scripts ecps/schema). Its version 1 creates the table
 * only if absent: a database where the directory's version 3 made it keeps its devices.
 */
public class DatabaseDeviceStoreFactory extends MigratedStoreFactory<DeviceStore> implements DeviceStoreFactory {

    static final VersionedSchema SCHEMA = new VersionedSchema("e-CPS device store", "PSC_ECPS_SCHEMA", "ecps/schema",
            1);

    public DatabaseDeviceStoreFactory() {
        super("database", SCHEMA, DeviceStore::new);
    }
}
