package org.pscfederator.it.directory;

import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.SandboxServerExtension;

/** The directory import against the sandbox's embedded H2 database. */
@ExtendWith(SandboxServerExtension.class)
class DirectoryImportH2IT extends DirectoryImportContract {
}
