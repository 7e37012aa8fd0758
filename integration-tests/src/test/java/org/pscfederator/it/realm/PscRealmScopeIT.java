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
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What belongs to PSC's realm (the directory, the e-CPS devices and their requests) is reached through that realm
 * only, by its own administrators or the master realm's: an administrator of another realm on the same server reaches
 * nothing of it, whatever URL they use, and their attempts on a professional or a device are recorded as events
 * (docs/security.md, "Admin endpoints").
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

        long before = System.currentTimeMillis() - 1_000;

        DeviceApiClient.Answer enrolled = pscApi.registerAsAdmin(forged, "attacker-psc", otherAdminToken);
        HttpResponse<String> listed = server.get(server.realmUrl() + "/psc-ecps/v1/admin/devices?id_nat=" + TARGET,
                otherAdminToken);

        assertThat(enrolled.status()).isEqualTo(401);
        assertThat(enrolled.error()).isEqualTo("admin_token_required");
        assertThat(listed.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(listed.body()).path("error").asText()).isEqualTo("admin_token_required");
        assertThat(listed.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertNoDeviceLabelled(server, "attacker-psc");
        assertOneRefusalRecorded(server, before, "UPDATE_CREDENTIAL_ERROR", "admin_token_required",
                "device_registered_by_admin", "psc_idnat", TARGET);
        assertOneRefusalRecorded(server, before, "LOGIN_ERROR", "admin_token_required", "device_list_by_admin",
                "psc_idnat", TARGET);
    }

    @Test
    void anotherRealmsAdministratorCannotRevokeAProfessionalsDeviceNorReadTheirActivationMessage(SandboxServer server)
            throws Exception {
        server.importSandboxDirectories();
        DeviceApiClient pscApi = new DeviceApiClient(server.baseUrl(), SandboxServer.REALM, server.caBundle());
        String deviceId = EcpsFlow.sandboxDevice(server, TARGET).deviceId();
        long before = System.currentTimeMillis() - 1_000;

        DeviceApiClient.Answer revoked = pscApi.revokeAsAdmin(deviceId, otherAdminToken);
        DeviceApiClient.Answer outbox = pscApi.outbox(TARGET, otherAdminToken);

        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.error()).isEqualTo("admin_token_required");
        assertThat(outbox.status()).isEqualTo(401);
        assertThat(outbox.error()).isEqualTo("admin_token_required");
        assertThat(outbox.body().has("code")).as("no activation code given away").isFalse();
        JsonNode devices = server.getJson(server.realmUrl() + "/psc-ecps/v1/admin/devices?id_nat=" + TARGET,
                server.adminToken()).path("devices");
        assertThat(StreamSupport.stream(devices.spliterator(), false)
                .filter(device -> deviceId.equals(device.path("device_id").asText())))
                .as("the device is still in use").singleElement()
                .satisfies(device -> assertThat(device.hasNonNull("revoked_at")).as("revoked_at").isFalse());
        assertOneRefusalRecorded(server, before, "REMOVE_CREDENTIAL_ERROR", "admin_token_required",
                "device_revoked_by_admin", "psc_device", deviceId);
        assertOneRefusalRecorded(server, before, "LOGIN_ERROR", "admin_token_required", "outbox_read_by_admin",
                "psc_idnat", TARGET);
    }

    /** The PSC realm's own administrator (realm-management/realm-admin of that realm) reaches its admin calls. */
    @Test
    void pscRealmsOwnAdministratorReachesTheDeviceApiAndTheDirectory(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String name = "wallet-admin-" + System.nanoTime();
        String userId = createUser(server, SandboxServer.REALM, name);
        try {
            grantRealmAdmin(server, SandboxServer.REALM, userId);
            String token = passwordToken(server, SandboxServer.REALM, "admin-cli", name, OTHER_PASSWORD);
            String deviceId = EcpsFlow.sandboxDevice(server, TARGET).deviceId();

            HttpResponse<String> listed = server.get(server.realmUrl() + "/psc-ecps/v1/admin/devices?id_nat="
                    + TARGET, token);
            HttpResponse<String> status = server.get(server.realmUrl() + "/psc-directory/status", token);

            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            assertThat(JSON.readTree(listed.body()).path("devices").findValuesAsText("device_id"))
                    .as("the professional's devices").contains(deviceId);
            assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
            assertThat(JSON.readTree(status.body()).path("professionals").asLong())
                    .as("the directory's status, the sandbox's professionals counted").isPositive();
        } finally {
            deleteUser(server, SandboxServer.REALM, userId);
        }
    }

    @Test
    void aMasterRealmUserWhoIsNotItsAdministratorIsForbidden(SandboxServer server) throws Exception {
        String name = "master-viewer-" + System.nanoTime();
        String userId = createUser(server, "master", name);
        try {
            String token = passwordToken(server, "master", "admin-cli", name, OTHER_PASSWORD);
            long before = System.currentTimeMillis() - 1_000;

            HttpResponse<String> listed = server.get(server.realmUrl() + "/psc-ecps/v1/admin/devices?id_nat="
                    + TARGET, token);
            HttpResponse<String> status = server.get(server.realmUrl() + "/psc-directory/status", token);

            assertThat(listed.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(listed.body()).path("error").asText()).isEqualTo("not_realm_admin");
            assertThat(listed.body()).doesNotContain("devices");
            assertThat(status.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(status.body()).path("error").asText()).isEqualTo("not_realm_admin");
            assertOneRefusalRecorded(server, before, "LOGIN_ERROR", "not_realm_admin", "device_list_by_admin",
                    "psc_idnat", TARGET);
        } finally {
            deleteUser(server, "master", userId);
        }
    }

    /**
     * Another realm's administrator enables CIBA for a client of theirs and names a PSC professional: the e-CPS
     * resolver refuses outside PSC's realm, so no request is opened and nothing reaches the professional's phone.
     */
    @Test
    void cibaInAnotherRealmPushesNothingToAPscProfessional(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        String clientId = "other-ciba-" + System.nanoTime();
        Map<String, Object> client = Map.of("clientId", clientId, "enabled", true, "publicClient", false,
                "secret", "Other-Ciba-Secret-1234", "standardFlowEnabled", false,
                "attributes", Map.of("oidc.ciba.grant.enabled", "true"));
        HttpResponse<String> created = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/admin/realms/" + OTHER + "/clients"))
                .header("Authorization", "Bearer " + otherAdminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<String> ciba = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/"
                        + OTHER + "/protocol/openid-connect/ext/ciba/auth"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=" + clientId
                        + "&client_secret=Other-Ciba-Secret-1234&login_hint=" + TARGET
                        + "&binding_message=otherrealm&scope=openid")).build());

        assertThat(ciba.statusCode()).as(ciba.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(ciba.body());
        assertThat(error.path("error").asText()).isEqualTo("invalid_request");
        assertThat(error.path("error_description").asText()).contains(SandboxServer.REALM);
        assertThat(ciba.body()).doesNotContain("auth_req_id");
        SimulatedDevice phone = EcpsFlow.sandboxDevice(server, TARGET);
        assertThat(EcpsFlow.phone(server).outstanding(phone, 1)).as("nothing reached the professional's phone")
                .noneSatisfy(pending -> assertThat(pending.bindingMessage()).isEqualTo("otherrealm"));
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
        assertThat(JSON.readTree(pscStatus.body()).path("error").asText()).isEqualTo("admin_token_required");
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

    /** One event since that time records the refused admin call: its reason, the action, who or what it named. */
    private static void assertOneRefusalRecorded(SandboxServer server, long since, String type, String reason,
            String action, String named, String value) throws Exception {
        List<JsonNode> recorded = EcpsFlow.events(server, type, Map.of("psc_reason", reason, "psc_ecps_action", action,
                named, value)).stream().filter(event -> event.path("time").asLong() >= since).toList();
        assertThat(recorded).as("the refused " + action + " is recorded, naming " + named).hasSize(1);
    }

    /** A user of that realm with a password and no role; its id. */
    private static String createUser(SandboxServer server, String realm, String name) throws Exception {
        Map<String, Object> user = Map.of("username", name, "enabled", true, "firstName", "Test",
                "lastName", "Administrator", "email", name + "@" + realm + ".invalid", "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", OTHER_PASSWORD, "temporary", false)));
        HttpResponse<String> created = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/admin/realms/" + realm + "/users"))
                .header("Authorization", "Bearer " + server.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Gives the user that realm's realm-management/realm-admin role, through Keycloak's admin API. */
    private static void grantRealmAdmin(SandboxServer server, String realm, String userId) throws Exception {
        String admin = server.baseUrl() + "/admin/realms/" + realm;
        String management = server.getJson(admin + "/clients?clientId=realm-management", server.adminToken())
                .path(0).path("id").asText();
        JsonNode role = server.getJson(admin + "/clients/" + management + "/roles/realm-admin", server.adminToken());
        HttpResponse<String> granted = server.send(HttpRequest.newBuilder(URI.create(admin + "/users/" + userId
                        + "/role-mappings/clients/" + management))
                .header("Authorization", "Bearer " + server.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(List.of(role)))).build());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(204);
    }

    private static void deleteUser(SandboxServer server, String realm, String userId) throws Exception {
        HttpResponse<String> deleted = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/admin/realms/" + realm + "/users/" + userId))
                .header("Authorization", "Bearer " + server.adminToken()).DELETE().build());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
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
