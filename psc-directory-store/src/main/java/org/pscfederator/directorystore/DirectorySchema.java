package org.pscfederator.directorystore;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

/**
 * The directory's tables, versioned in PSC_DIR_SCHEMA by the scripts {@code directory/storage/schema/V<n>.sql}.
 * Version 3 created the e-CPS device table, which the device store now migrates on its own (ecps/schema): the
 * script is kept, empty, so that databases already at version 3 and new ones count the same. Version 4 records the
 * professionals added one at a time ({@link AddedProfessionals}).
 */
public final class DirectorySchema {

    /** The version this build of the providers needs. */
    static final int CURRENT_VERSION = 4;
    public static final VersionedSchema SCHEMA = new VersionedSchema("directory", "PSC_DIR_SCHEMA",
            "directory/storage/schema", CURRENT_VERSION);

    private DirectorySchema() {
    }

    static void migrate(DataSource dataSource) throws SQLException {
        SCHEMA.migrate(dataSource);
    }

    static List<String> statements(int version) {
        return SCHEMA.statements(version);
    }
}
