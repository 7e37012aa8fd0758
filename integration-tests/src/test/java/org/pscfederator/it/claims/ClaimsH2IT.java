package org.pscfederator.it.claims;

import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.SandboxServerExtension;

/** The PSC claims from the directory on the sandbox's embedded H2 database. */
@ExtendWith(SandboxServerExtension.class)
class ClaimsH2IT extends ClaimsContract {
}
