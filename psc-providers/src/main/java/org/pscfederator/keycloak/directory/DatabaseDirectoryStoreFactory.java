package org.pscfederator.keycloak.directory;

import org.pscfederator.directorystore.DirectorySchema;

import org.pscfederator.directorystore.DirectoryStore;

/** The directory in Keycloak's database, schema PSC_DIR_SCHEMA. */
public class DatabaseDirectoryStoreFactory extends MigratedStoreFactory<DirectoryStoreProvider> implements DirectoryStoreFactory {

    public DatabaseDirectoryStoreFactory() {
        super("database", DirectorySchema.SCHEMA, dataSource -> {
            DirectoryStore store = new DirectoryStore(dataSource);
            return () -> store;
        });
    }
}
