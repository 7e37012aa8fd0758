package org.pscfederator.keycloak.establishments;

import org.pscfederator.directorystore.VersionedSchema;
import org.pscfederator.keycloak.directory.MigratedStoreFactory;

/** The pairings in Keycloak's database, schema PSC_PAIRING_SCHEMA (scripts establishments/schema). */
public class DatabasePairingStoreFactory extends MigratedStoreFactory<PairingStore> implements PairingStoreFactory {

    static final VersionedSchema SCHEMA = new VersionedSchema("pairing store", "PSC_PAIRING_SCHEMA",
            "establishments/schema", 1);

    public DatabasePairingStoreFactory() {
        super("database", SCHEMA, PairingStore::new);
    }
}
