package org.pscfederator.it.claims;

import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.PostgresSandboxExtension;

/** Issue 3: "The same tests pass on PostgreSQL". */
@ExtendWith(PostgresSandboxExtension.class)
class ClaimsPostgresIT extends ClaimsContract {
}
