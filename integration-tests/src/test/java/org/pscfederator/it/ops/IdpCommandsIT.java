package org.pscfederator.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.it.harness.AdminTool;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code psc-admin idp} run as a process against the real sandbox: an establishment registered from the discovery of
 * the sandbox's hospital realm as the server reads it, with PSC's flows and mapper, shown and disabled; a discovery
 * the server cannot read, a second registration of an alias and an unpair that names nothing are refused in one line
 * with nothing changed.
 */
@Tag("psc-establishments")
@ExtendWith(SandboxServerExtension.class)
class IdpCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = SandboxServer.ADMIN_PASSWORD;

    @TempDir
    Path folder;

    @Test
    void anEstablishmentIsRegisteredShownAndDisabled(SandboxServer server) throws Exception {
        String alias = "it-admin-" + System.nanoTime();
        Path secret = Files.writeString(folder.resolve("secret"), "it-admin-secret\n");
        try {
            Launcher.Result registered = AdminTool.run(server, PASSWORD, "idp", "register", "--alias", alias,
                    "--discovery", server.baseUrl() + "/realms/hopital-demo/.well-known/openid-configuration",
                    "--client-id", "psc-federator", "--client-secret-file", secret.toString(), "--name",
                    "Clinique de l'IT", "--structures", "finess:759900063", "--amr-all-of", "pwd");
            assertThat(registered.exitCode()).as(registered.stderr()).isZero();
            assertThat(registered.stdout()).contains("registered identity provider " + alias,
                    server.baseUrl() + "/realms/esante-wallet/broker/" + alias + "/endpoint");

            JsonNode provider = admin(server, "/identity-provider/instances/" + alias);
            assertThat(provider.get("firstBrokerLoginFlowAlias").asText()).isEqualTo("psc-establishment-pairing");
            assertThat(provider.get("postBrokerLoginFlowAlias").asText()).isEqualTo("psc-establishment-check");
            assertThat(provider.at("/config/tokenUrl").asText())
                    .isEqualTo(server.baseUrl() + "/realms/hopital-demo/protocol/openid-connect/token");
            assertThat(provider.at("/config/pscStructures").asText()).isEqualTo("finess:759900063");
            assertThat(provider.at("/config/pkceMethod").asText()).isEqualTo("S256");
            assertThat(admin(server, "/identity-provider/instances/" + alias + "/mappers")
                    .findValuesAsText("identityProviderMapper")).containsExactly("psc-establishment");

            Launcher.Result again = AdminTool.run(server, PASSWORD, "idp", "register", "--alias", alias,
                    "--discovery", server.baseUrl() + "/realms/hopital-demo/.well-known/openid-configuration",
                    "--client-id", "other", "--private-key-jwt", "--name", "Autre", "--structures", "finess:759900021");
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.stderr()).contains("already exists").hasLineCount(1);
            assertThat(admin(server, "/identity-provider/instances/" + alias).at("/config/clientId").asText())
                    .isEqualTo("psc-federator");

            Launcher.Result shown = AdminTool.run(server, PASSWORD, "idp", "show", "--alias", alias, "--json");
            assertThat(shown.exitCode()).as(shown.stderr()).isZero();
            JsonNode document = JSON.readTree(shown.stdout());
            assertThat(document.get("settingsValid").asBoolean()).isTrue();
            assertThat(document.get("pscMapper").asBoolean()).isTrue();
            assertThat(shown.stdout()).doesNotContain("it-admin-secret");

            Launcher.Result disabled = AdminTool.run(server, PASSWORD, "idp", "disable", "--alias", alias);
            assertThat(disabled.exitCode()).as(disabled.stderr()).isZero();
            assertThat(disabled.stdout()).contains("disabled identity provider " + alias, "0 pairing(s) ended");
            assertThat(admin(server, "/identity-provider/instances/" + alias).get("enabled").asBoolean()).isFalse();
        } finally {
            server.send(HttpRequest.newBuilder(URI.create(adminUrl(server) + "/identity-provider/instances/" + alias))
                    .header("Authorization", "Bearer " + server.adminToken()).DELETE().build());
        }
    }

    @Test
    void aDiscoveryTheServerCannotReadRegistersNothing(SandboxServer server) throws Exception {
        String alias = "it-admin-none-" + System.nanoTime();

        Launcher.Result refused = AdminTool.run(server, PASSWORD, "idp", "register", "--alias", alias, "--discovery",
                server.baseUrl() + "/realms/no-such-realm/.well-known/openid-configuration", "--client-id", "psc",
                "--private-key-jwt", "--name", "Nulle part", "--structures", "finess:759900021");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("the server could not read the discovery document").hasLineCount(1);
        assertThat(server.get(adminUrl(server) + "/identity-provider/instances/" + alias, server.adminToken())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aProfessionalWithoutPairingsHasNoneToEnd(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String idNat = "899900000813";

        Launcher.Result listed = AdminTool.run(server, PASSWORD, "idp", "pairings", "--idnat", idNat, "--json");
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(JSON.readTree(listed.stdout()).get("pairings")).isEmpty();

        Launcher.Result unpaired = AdminTool.run(server, PASSWORD, "idp", "unpair", "--idnat", idNat, "--provider",
                "hopital-demo");
        assertThat(unpaired.exitCode()).isEqualTo(1);
        assertThat(unpaired.stderr()).contains("no pairing of " + idNat + " at identity provider hopital-demo")
                .hasLineCount(1);
    }

    private static String adminUrl(SandboxServer server) {
        return server.baseUrl() + "/admin/realms/esante-wallet";
    }

    private static JsonNode admin(SandboxServer server, String path) throws Exception {
        HttpResponse<String> response = server.get(adminUrl(server) + path, server.adminToken());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
