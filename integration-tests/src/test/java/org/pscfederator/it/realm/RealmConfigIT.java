package org.pscfederator.it.realm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Realms as code: the sandbox realm comes from realm-config, and the documented way to change it works. */
@Tag("realm-config")
@ExtendWith(SandboxServerExtension.class)
class RealmConfigIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sandboxRealmIsImportedFromRealmConfig(SandboxServer server) throws Exception {
        JsonNode realm = server.getJson(adminRealm(server), server.adminToken());

        assertThat(realm.get("loginTheme").asText()).isEqualTo("psc");
        assertThat(realm.get("defaultLocale").asText()).isEqualTo("fr");
        assertThat(realm.get("sslRequired").asText()).isEqualTo("all");
        assertThat(realm.at("/attributes/cibaBackchannelTokenDeliveryMode").asText()).isEqualTo("poll");
    }

    @Test
    void sandboxTrustMaterialIsTheSandboxPki(SandboxServer server) throws Exception {
        JsonNode realm = server.getJson(adminRealm(server), server.adminToken());
        Path ca = server.dataDir().resolve("pki").resolve("ca");

        assertThat(realm.at("/attributes/pscCardTrustAnchors").asText())
                .isEqualTo(Files.readString(ca.resolve("persons-ca.pem")) + Files.readString(ca.resolve("root-ca.pem")));
        assertThat(realm.at("/attributes/pscClientTrustAnchors").asText())
                .isEqualTo(Files.readString(ca.resolve("org-ca.pem")) + Files.readString(ca.resolve("root-ca.pem")));
    }

    /** The procedure of docs/realm-config.md: PUT the realm file for settings, partial import for clients and users. */
    @Test
    void operatorAppliesAChangedRealmFileToTheRunningServer(SandboxServer server) throws Exception {
        Path realmFile = server.dataDir().resolve("keycloak/data/import/esante-wallet.json");
        ObjectNode changed = (ObjectNode) JSON.readTree(realmFile.toFile());
        changed.put("accessTokenLifespan", 180);
        ObjectNode client = ((ObjectNode) changed.get("clients").get(0));
        client.put("description", "changed by the operator");
        String token = server.adminToken();

        HttpResponse<String> settings = server.send(HttpRequest.newBuilder(URI.create(adminRealm(server)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(changed.toString())).build());
        ObjectNode partial = JSON.createObjectNode().put("ifResourceExists", "OVERWRITE");
        partial.set("clients", changed.get("clients"));
        HttpResponse<String> resources = server.send(HttpRequest.newBuilder(URI.create(adminRealm(server) + "/partialImport"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(partial.toString())).build());

        assertThat(settings.statusCode()).isEqualTo(204);
        assertThat(resources.statusCode()).as(resources.body()).isEqualTo(200);
        assertThat(server.getJson(adminRealm(server), token).get("accessTokenLifespan").asInt()).isEqualTo(180);
        JsonNode clients = server.getJson(adminRealm(server) + "/clients?clientId=" + client.get("clientId").asText(), token);
        assertThat(clients.get(0).get("description").asText()).isEqualTo("changed by the operator");
    }

    private static String adminRealm(SandboxServer server) {
        return server.baseUrl() + "/admin/realms/" + SandboxServer.REALM;
    }
}
