package org.pscfederator.it.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

/** Sandbox: the launcher installs providers and themes; the realm's login pages come from the psc theme, in French. */
@Tag("psc-sandbox")
@ExtendWith(SandboxServerExtension.class)
class LoginPageIT {

    @Test
    void loginPageIsPscsInFrench(SandboxServer server) throws Exception {
        HttpResponse<String> page = server.get(server.realmUrl() + "/protocol/openid-connect/auth?response_type=code"
                + "&client_id=psc-bench&redirect_uri=https%3A%2F%2Flocalhost%2Fbench%2Fcallback&scope=openid"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"fr\"").contains("<title>Pro Santé Connect</title>");
    }
}
