package org.pscfederator.it.establishments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.PscEndpoint;
import org.pscfederator.it.harness.SandboxServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What PSC's operator does about an establishment's provider, through Keycloak's admin REST API and PSC's pairing
 * endpoints, as the realm's administrator: register one (Keycloak's OIDC identity provider, with PSC's broker
 * flows and the {@code psc-establishment} mapper), change its settings, disable or remove it, list and end
 * pairings.
 */
final class EstablishmentAdmin {

    /** The broker flows and the mapper PSC's establishments' providers run (realm JSON, psc-providers). */
    static final String FIRST_BROKER_FLOW = "psc-establishment-pairing";
    static final String POST_BROKER_FLOW = "psc-establishment-check";
    static final String MAPPER = "psc-establishment";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PscEndpoint server;

    EstablishmentAdmin(PscEndpoint server) {
        this.server = server;
    }

    private String realmAdmin() {
        return server.baseUrl() + "/admin/realms/" + SandboxServer.REALM;
    }

    private String pairingsApi() {
        return server.realmUrl() + "/psc-pairings/v1/admin";
    }

    /**
     * Registers the test's provider under this alias with these PSC settings (pscEstablishment and the others of
     * psc-core's EstablishmentSetting), its flows and its mapper.
     */
    void register(String alias, TestOpenIdProvider provider, Map<String, String> pscSettings) throws Exception {
        register(alias, provider, pscSettings, FIRST_BROKER_FLOW, POST_BROKER_FLOW, MAPPER);
    }

    /** The same with these flows and mapper (null: none), as an operator might register it by mistake. */
    void register(String alias, TestOpenIdProvider provider, Map<String, String> pscSettings, String firstBrokerFlow,
            String postBrokerFlow, String mapperType) throws Exception {
        Map<String, String> config = new LinkedHashMap<>(provider.keycloakConfig());
        config.putAll(pscSettings);
        ObjectNode representation = JSON.createObjectNode()
                .put("alias", alias)
                .put("displayName", pscSettings.getOrDefault("pscEstablishmentName", alias))
                .put("providerId", "oidc")
                .put("enabled", true)
                .put("trustEmail", false)
                .put("storeToken", false)
                .put("linkOnly", false)
                .put("firstBrokerLoginFlowAlias", firstBrokerFlow);
        if (postBrokerFlow != null) {
            representation.put("postBrokerLoginFlowAlias", postBrokerFlow);
        }
        representation.set("config", JSON.valueToTree(config));
        HttpResponse<String> created = send("POST", realmAdmin() + "/identity-provider/instances", representation);
        assertThat(created.statusCode()).as("registering " + alias + ": " + created.body()).isEqualTo(201);
        if (mapperType == null) {
            return;
        }
        ObjectNode mapper = JSON.createObjectNode()
                .put("name", "psc-establishment")
                .put("identityProviderAlias", alias)
                .put("identityProviderMapper", mapperType);
        mapper.set("config", JSON.createObjectNode().put("syncMode", "INHERIT"));
        HttpResponse<String> mapped = send("POST", realmAdmin() + "/identity-provider/instances/" + alias
                + "/mappers", mapper);
        assertThat(mapped.statusCode()).as("its mapper: " + mapped.body()).isEqualTo(201);
    }

    /** The provider's representation as the admin API gives it. */
    JsonNode provider(String alias) throws Exception {
        return server.getJson(realmAdmin() + "/identity-provider/instances/" + alias, server.adminToken());
    }

    /** Changes some config entries of a provider (the others kept), or its enabled flag when enabled is not null. */
    void update(String alias, Map<String, String> config, Boolean enabled) throws Exception {
        ObjectNode representation = (ObjectNode) provider(alias);
        ObjectNode current = (ObjectNode) representation.path("config");
        config.forEach((name, value) -> {
            if (value == null) {
                current.remove(name);
            } else {
                current.put(name, value);
            }
        });
        if (enabled != null) {
            representation.put("enabled", enabled);
        }
        HttpResponse<String> response = send("PUT", realmAdmin() + "/identity-provider/instances/" + alias,
                representation);
        assertThat(response.statusCode()).as("updating " + alias + ": " + response.body()).isEqualTo(204);
    }

    void remove(String alias) throws Exception {
        HttpResponse<String> response = send("DELETE", realmAdmin() + "/identity-provider/instances/" + alias, null);
        assertThat(response.statusCode()).as("removing " + alias + ": " + response.body()).isIn(204, 404);
    }

    /** The pairings of this idNat, as the admin endpoint lists them. */
    JsonNode pairings(String idNat) throws Exception {
        return server.getJson(pairingsApi() + "/pairings?idnat=" + encode(idNat), server.adminToken());
    }

    /** The pairing of this idNat at this provider, or null. */
    JsonNode pairing(String idNat, String alias) throws Exception {
        for (JsonNode pairing : pairings(idNat)) {
            if (alias.equals(pairing.path("provider").asText())) {
                return pairing;
            }
        }
        return null;
    }

    /** Ends the pairing of this idNat at this provider; the HTTP status (204, or 404 when there was none). */
    int unpair(String idNat, String alias) throws Exception {
        return send("DELETE", pairingsApi() + "/pairings?idnat=" + encode(idNat) + "&provider=" + encode(alias), null)
                .statusCode();
    }

    /** Ends every pairing at this provider; how many ended. */
    int endPairingsOf(String alias) throws Exception {
        HttpResponse<String> response = send("DELETE", pairingsApi() + "/providers/" + encode(alias) + "/pairings",
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("ended").asInt();
    }

    /** Keycloak's federated identity links of the PSC user of this idNat (username = idNat in PSC's realm). */
    JsonNode links(String idNat) throws Exception {
        JsonNode users = server.getJson(realmAdmin() + "/users?exact=true&username=" + encode(idNat),
                server.adminToken());
        if (users.isEmpty()) {
            return JSON.createArrayNode();
        }
        return server.getJson(realmAdmin() + "/users/" + users.get(0).path("id").asText() + "/federated-identity",
                server.adminToken());
    }

    /** Deletes the realm's user of this username, if any (one Keycloak's own first-login flow created). */
    void deleteUser(String username) throws Exception {
        JsonNode users = server.getJson(realmAdmin() + "/users?exact=true&username=" + encode(username),
                server.adminToken());
        for (JsonNode user : users) {
            send("DELETE", realmAdmin() + "/users/" + user.path("id").asText(), null);
        }
    }

    /** Ends every session of the PSC user of this idNat (the admin API's logout), so a next login starts afresh. */
    void logout(String idNat) throws Exception {
        JsonNode users = server.getJson(realmAdmin() + "/users?exact=true&username=" + encode(idNat),
                server.adminToken());
        for (JsonNode user : users) {
            send("POST", realmAdmin() + "/users/" + user.path("id").asText() + "/logout", null);
        }
    }

    /** The realm's login events (any type) whose details hold every given pair, newest first. */
    List<JsonNode> events(Map<String, String> details) throws Exception {
        return EcpsFlow.matching(server.getJson(realmAdmin() + "/events?max=2000", server.adminToken()), details);
    }

    /** The events of this provider's alias (psc_establishment) with these further details. */
    List<JsonNode> eventsOf(String alias, Map<String, String> details) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("psc_establishment", alias);
        return events(all);
    }

    HttpResponse<String> send(String method, String url, JsonNode body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + server.adminToken());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return server.send(request.build());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
