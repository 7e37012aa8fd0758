package org.pscfederator.it.realm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What belongs to PSC's realm (the directory, the e-CPS devices and their requests) is reached through that realm
 * only, by its own administrators or the master realm's: an administrator of another realm on the same server reaches
 * nothing of it, whatever URL they use (docs/security.md, "Admin endpoints").
 */
@Tag("realm-config")
@ExtendWith(SandboxServerExtension.class)
class PscRealmScopeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHER = "other-realm-it";
    private static final String OTHER_ADMIN = "other-admin";
    private static final String OTHER_PASSWORD = "Other-Admin-1234";
    private static final String TARGET = "899700218896";

    private static String otherAdminToken;

    @TempDir
    Path folder;

    /** A realm of the same server, with an administrator of its own (realm-admin of that realm). */
    @BeforeAll
    static void anotherRealmWithItsOwnAdministrator(SandboxServer server) throws Exception {
        if (server.get(server.baseUrl() + "/realms/" + OTHER, null).statusCode() != 200) {
            Map<String, Object> realm = Map.of("realm", OTHER, "enabled", true, "users", List.of(Map.of(
                    "username", OTHER_ADMIN, "enabled", true, "firstName", "Other", "lastName", "Admin",
                    "email", "other-admin@other.invalid", "emailVerified", true,
                    "credentials", List.of(Map.of("type", "password", "value", OTHER_PASSWORD, "temporary", false)),
                    "clientRoles", Map.of("realm-management", List.of("realm-admin")))));
            HttpResponse<String> created = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                            + "/admin/realms"))
                    .header("Authorization", "Bearer " + server.adminToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(realm))).build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        otherAdminToken = passwordToken(server, OTHER, "admin-cli", OTHER_ADMIN, OTHER_PASSWORD);
        // The token is a real administrator's of that realm: its own admin API answers it.
        assertThat(server.get(server.baseUrl() + "/admin/realms/" + OTHER + "/users", otherAdminToken).statusCode())
                .isEqualTo(200);
    }

    @Test
    void deviceApiIsNotServedInAnotherRealm(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        DeviceApiClient otherApi = new DeviceApiClient(server.baseUrl(), OTHER, server.caBundle());
        SimulatedDevice forged = SimulatedDevice.create(SimulatedDevice.fileFor(folder, TARGET), TARGET, "1234");

        DeviceApiClient.Answer enrolled = otherApi.registerAsAdmin(forged, "attacker", otherAdminToken);
        HttpResponse<String> listed = server.get(server.baseUrl() + "/realms/" + OTHER
                + "/psc-ecps/v1/admin/devices?id_nat=" + TARGET, otherAdminToken);
        DeviceApiClient.Answer contact = otherApi.requestContactCode(TARGET);

        assertThat(enrolled.status()).isEqualTo(404);
        assertThat(listed.statusCode()).isEqualTo(404);
        assertThat(contact.status()).isEqualTo(404);
        assertNoDeviceLabelled(server, "attacker");
    }

    @Test
    void anotherRealmsAdministratorIsRefusedByPscRealmsDeviceApi(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        DeviceApiClient pscApi = new DeviceApiClient(server.baseUrl(), SandboxServer.REALM, server.caBundle());
        SimulatedDevice forged = SimulatedDevice.create(SimulatedDevice.fileFor(folder, TARGET), TARGET, "1234");

        DeviceApiClient.Answer enrolled = pscApi.registerAsAdmin(forged, "attacker-psc", otherAdminToken);
        HttpResponse<String> listed = server.get(server.realmUrl() + "/psc-ecps/v1/admin/devices?id_nat=" + TARGET,
                otherAdminToken);

        assertThat(enrolled.status()).isEqualTo(401);
        assertThat(listed.statusCode()).isEqualTo(401);
        assertNoDeviceLabelled(server, "attacker-psc");
    }

    @Test
    void aMasterRealmUserWhoIsNotItsAdministratorIsForbidden(SandboxServer server) throws Exception {
        String name = "master-viewer-" + System.nanoTime();
        Map<String, Object> user = Map.of("username", name, "enabled", true, "firstName", "Master",
                "lastName", "Viewer", "email", name + "@master.invalid", "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", OTHER_PASSWORD, "temporary", false)));
        HttpResponse<String> created = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/admin/realms/master/users"))
                .header("Authorization", "Bearer " + server.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = passwordToken(server, "master", "admin-cli", name, OTHER_PASSWORD);

        HttpResponse<String> listed = server.get(server.realmUrl() + "/psc-ecps/v1/admin/devices?id_nat=" + TARGET,
                token);
        HttpResponse<String> status = server.get(server.realmUrl() + "/psc-directory/status", token);

        assertThat(listed.statusCode()).isEqualTo(403);
        assertThat(status.statusCode()).isEqualTo(403);
    }

    @Test
    void directoryIsNotServedInAnotherRealm(SandboxServer server) throws Exception {
        HttpResponse<String> status = server.get(server.baseUrl() + "/realms/" + OTHER + "/psc-directory/status",
                otherAdminToken);
        HttpResponse<String> imported = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/"
                        + OTHER + "/psc-directory/import?source=attack"))
                .header("Authorization", "Bearer " + otherAdminToken)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("anything")).build());
        HttpResponse<String> pscStatus = server.get(server.realmUrl() + "/psc-directory/status", otherAdminToken);

        assertThat(status.statusCode()).isEqualTo(404);
        assertThat(imported.statusCode()).isEqualTo(404);
        assertThat(pscStatus.statusCode()).isEqualTo(401);
        JsonNode directory = server.getJson(server.realmUrl() + "/psc-directory/status", server.adminToken());
        assertThat(directory.toString()).doesNotContain("attack");
    }

    /** "Mon compte e-CPS" (docs/space.md) answers in PSC's realm only: no page, no form in another. */
    @Test
    void professionalsSpaceIsNotServedInAnotherRealm(SandboxServer server) throws Exception {
        HttpResponse<String> page = server.get(server.baseUrl() + "/realms/" + OTHER + "/psc-space", null);
        HttpResponse<String> revoke = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/"
                        + OTHER + "/psc-space/devices/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("device_id=x")).build());
        HttpResponse<String> psc = server.get(server.realmUrl() + "/psc-space", null);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(revoke.statusCode()).isEqualTo(404);
        assertThat(psc.statusCode()).as("PSC's realm sends the browser to its login page").isEqualTo(303);
    }

    @Test
    void theDirectoryCannotBeAddedToAnotherRealm(SandboxServer server) throws Exception {
        Map<String, Object> component = Map.of("name", "stolen-directory", "providerId", "psc-directory",
                "providerType", "org.keycloak.storage.UserStorageProvider", "config", Map.of());
        HttpResponse<String> added = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/"
                        + OTHER + "/components"))
                .header("Authorization", "Bearer " + otherAdminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(component))).build());

        assertThat(added.statusCode()).as(added.body()).isEqualTo(400);
        assertThat(added.body()).contains("esante-wallet");
        JsonNode users = server.getJson(server.baseUrl() + "/admin/realms/" + OTHER + "/users?search=" + TARGET,
                otherAdminToken);
        assertThat(users).as("no professional is visible from the other realm").isEmpty();
    }

    private static void assertNoDeviceLabelled(SandboxServer server, String label) throws Exception {
        JsonNode devices = server.getJson(server.realmUrl() + "/psc-ecps/v1/admin/devices?id_nat=" + TARGET,
                server.adminToken()).path("devices");
        assertThat(devices.findValuesAsText("label")).doesNotContain(label);
    }

    private static String passwordToken(SandboxServer server, String realm, String client, String user,
            String password) throws Exception {
        HttpResponse<String> token = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/"
                        + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + client
                        + "&username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body()).path("access_token").asText();
    }
}
