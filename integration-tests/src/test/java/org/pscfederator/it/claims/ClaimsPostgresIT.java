package org.pscfederator.it.claims;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.PostgresSandboxExtension;

/** The claims contract on PostgreSQL: the same tests as on H2. */
@Tag("postgres")
@ExtendWith(PostgresSandboxExtension.class)
class ClaimsPostgresIT extends ClaimsContract {
}
