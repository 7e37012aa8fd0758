package org.pscfederator.it.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

/** Sandbox identities, shipped in realm-config: a new sandbox has its test professionals at once. */
@Tag("psc-directory")
@ExtendWith(SandboxServerExtension.class)
class SandboxIdentitiesIT {

    @Test
    void publicAnsSandboxIdentitiesAreFoundAfterFirstStart(SandboxServer server) throws Exception {
        for (String idNat : new String[] {"899700218896", "899700366240", "899700427869"}) {
            assertThat(server.getJson(server.baseUrl() + "/admin/realms/esante-wallet/users?exact=true&username=" + idNat,
                    server.adminToken())).as(idNat).hasSize(1);
        }
        assertThat(server.log()).content().contains("psc-sandbox: imported the sandbox staff directory: 2 professionals");
    }
}
