package org.pscfederator.keycloak.directory;

/** The directory in Keycloak's database, schema PSC_DIR_SCHEMA. */
public class DatabaseDirectoryStoreFactory extends MigratedStoreFactory<DirectoryStore> implements DirectoryStoreFactory {

    public DatabaseDirectoryStoreFactory() {
        super("database", DirectorySchema.SCHEMA, DirectoryStore::new);
    }
}
