package org.pscfederator.it.directory;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.PostgresSandboxExtension;

/** The directory import contract on PostgreSQL: the same tests as on H2. */
@Tag("postgres")
@ExtendWith(PostgresSandboxExtension.class)
class DirectoryImportPostgresIT extends DirectoryImportContract {
}
