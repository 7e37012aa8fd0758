package org.pscfederator.admin;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;
import org.pscfederator.core.certificates.PemTrust;
import org.pscfederator.cli.OneLine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The few calls of Keycloak's admin REST API the tool needs, through Keycloak's admin client, as an administrator of
 * the master realm. Every failure becomes one line for the operator; the admin token goes to this server only (its
 * admin API and the device API under the realm), never to the output.
 * The client representations travel as JSON trees, as the rest of the tool reads and edits them.
 */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final long CONNECT_TIMEOUT_SECONDS = 10;
    private static final long TIMEOUT_SECONDS = 30;

    static {
        // stderr is the operator's, one line per error: the HTTP stack's own warnings stay out of it.
        Logger.getLogger("org.jboss.resteasy").setLevel(Level.SEVERE);
        Logger.getLogger("org.keycloak").setLevel(Level.SEVERE);
    }

    /** One page of events; the audit and the export read page after page until a short one. */
    private static final int EVENTS_PAGE = 500;

    private final AdminOptions options;
    private final Keycloak keycloak;
    private final RealmResource realm;
    private final Client http;

    private KeycloakAdmin(AdminOptions options, Keycloak keycloak, Client http) {
        this.options = options;
        this.keycloak = keycloak;
        this.realm = keycloak.realm(options.realm());
        this.http = http;
    }

    /** Logs in to the master realm with the password grant of {@code admin-cli}, as {@code kcadm.sh} does. */
    static KeycloakAdmin login(AdminOptions options, char[] password) throws AdminException {
        Client http = http(options);
        Keycloak keycloak = KeycloakBuilder.builder().serverUrl(options.server().toString()).realm("master")
                .clientId("admin-cli").grantType("password").username(options.adminUser())
                .password(new String(password)).resteasyClient(http).build();
        KeycloakAdmin admin = new KeycloakAdmin(options, keycloak, http);
        try {
            keycloak.tokenManager().getAccessToken();
        } catch (WebApplicationException e) {
            keycloak.close();
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw new AdminException("no Keycloak at " + options.server() + " (HTTP 404 for the master realm): "
                        + "check --server, with its path prefix (/auth)");
            }
            // Keycloak answers a wrong password with 400 or 401 and the OAuth error invalid_grant.
            String error = body(e.getResponse()).path("error").asText("HTTP " + status);
            throw new AdminException("the server refused the admin login of " + options.adminUser()
                    + " (realm master: " + error + "): check PSC_ADMIN_PASSWORD");
        } catch (ProcessingException e) {
            keycloak.close();
            throw admin.unreachable(e);
        }
        return admin;
    }

    /** The realm's attributes (its trust configuration among them). */
    JsonNode realmAttributes() throws AdminException {
        try {
            Map<String, String> attributes = realm.toRepresentation().getAttributes();
            return JSON.valueToTree(attributes == null ? Map.of() : attributes);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new AdminException("no realm " + options.realm() + " on " + options.server());
            }
            throw failure(e, "read realm " + options.realm());
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** The client's full representation, or empty when the realm has no client with this client id. */
    Optional<ObjectNode> client(String clientId) throws AdminException {
        try {
            return realm.clients().findByClientId(clientId).stream()
                    .filter(client -> clientId.equals(client.getClientId())).findFirst()
                    .map(client -> (ObjectNode) JSON.valueToTree(client));
        } catch (WebApplicationException e) {
            throw failure(e, "look client " + clientId + " up");
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** @return the new client's internal id */
    String createClient(ObjectNode representation) throws AdminException {
        String clientId = representation.path("clientId").asText();
        try (Response response = realm.clients().create(JSON.convertValue(representation,
                ClientRepresentation.class))) {
            if (response.getStatus() == 409) {
                throw new AdminException("a client " + clientId + " already exists in realm " + options.realm()
                        + "; nothing was changed (use client rotate-cert to change its certificate)");
            }
            if (response.getStatus() != 201) {
                throw failure(new WebApplicationException(response), "create client " + clientId);
            }
            return CreatedResponseUtil.getCreatedId(response);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    void updateClient(ObjectNode representation) throws AdminException {
        try {
            realm.clients().get(representation.path("id").asText())
                    .update(JSON.convertValue(representation, ClientRepresentation.class));
        } catch (WebApplicationException e) {
            throw failure(e, "update client " + representation.path("clientId").asText());
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** Makes a realm client scope optional for the client (PSC's {@code scope_all}), when it is not already. */
    void ensureOptionalScope(String id, String scopeName) throws AdminException {
        try {
            ClientResource client = realm.clients().get(id);
            if (client.getOptionalClientScopes().stream().anyMatch(scope -> scopeName.equals(scope.getName()))) {
                return;
            }
            List<ClientScopeRepresentation> scopes = realm.clientScopes().findAll();
            String scopeId = scopes.stream().filter(scope -> scopeName.equals(scope.getName()))
                    .map(ClientScopeRepresentation::getId).reduce((first, last) -> last).orElse(null);
            if (scopeId == null) {
                throw new AdminException("realm " + options.realm() + " has no client scope " + scopeName);
            }
            client.addOptionalClientScope(scopeId);
        } catch (WebApplicationException e) {
            throw failure(e, "add scope " + scopeName);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** The realm's professional with this idNat (the directory's user), or empty. */
    Optional<UserRepresentation> professional(String idNat) throws AdminException {
        try {
            return realm.users().searchByUsername(idNat, true).stream()
                    .filter(user -> idNat.equalsIgnoreCase(user.getUsername())).findFirst();
        } catch (WebApplicationException e) {
            throw failure(e, "look professional " + idNat + " up");
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** The realm's login events of these types (all types when empty) from {@code from} to {@code to}, oldest first. */
    List<EventRepresentation> events(List<String> types, Instant from, Instant to) throws AdminException {
        List<EventRepresentation> all = new ArrayList<>();
        try {
            for (int first = 0;; first += EVENTS_PAGE) {
                List<EventRepresentation> page = realm.getEvents(types.isEmpty() ? null : types, null, null,
                        from.toEpochMilli(), to.toEpochMilli(), null, first, EVENTS_PAGE, "asc");
                all.addAll(page);
                if (page.size() < EVENTS_PAGE) {
                    break;
                }
            }
        } catch (WebApplicationException e) {
            throw failure(e, "read the events of realm " + options.realm());
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
        all.sort(Comparator.comparingLong(EventRepresentation::getTime)
                .thenComparing(event -> String.valueOf(event.getId())));
        return all;
    }

    /** The realm's admin events from {@code from} to {@code to}, oldest first. */
    List<AdminEventRepresentation> adminEvents(Instant from, Instant to) throws AdminException {
        List<AdminEventRepresentation> all = new ArrayList<>();
        try {
            for (int first = 0;; first += EVENTS_PAGE) {
                List<AdminEventRepresentation> page = realm.getAdminEvents(null, null, null, null, null, null, null,
                        from.toEpochMilli(), to.toEpochMilli(), first, EVENTS_PAGE, "asc");
                all.addAll(page);
                if (page.size() < EVENTS_PAGE) {
                    break;
                }
            }
        } catch (WebApplicationException e) {
            throw failure(e, "read the admin events of realm " + options.realm());
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
        all.sort(Comparator.comparingLong(AdminEventRepresentation::getTime)
                .thenComparing(event -> String.valueOf(event.getId())));
        return all;
    }

    /** The user's sessions (browser logins and the relying services in each). */
    List<UserSessionRepresentation> sessions(String userId) throws AdminException {
        try {
            return realm.users().get(userId).getUserSessions();
        } catch (WebApplicationException e) {
            throw failure(e, "read the sessions of " + userId);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** Ends every session of the user: Keycloak revokes their tokens and sends back-channel logouts. */
    void logout(String userId) throws AdminException {
        try {
            realm.users().get(userId).logout();
        } catch (WebApplicationException e) {
            throw failure(e, "end the sessions of " + userId);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** The identity provider with this alias, or empty. */
    Optional<ObjectNode> identityProvider(String alias) throws AdminException {
        try {
            return realm.identityProviders().findAll().stream().filter(provider -> alias.equals(provider.getAlias()))
                    .findFirst().map(provider -> (ObjectNode) JSON.valueToTree(provider));
        } catch (WebApplicationException e) {
            throw failure(e, "look identity provider " + alias + " up");
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** The provider's mappers' types ({@code psc-establishment}, ...). */
    List<String> identityProviderMapperTypes(String alias) throws AdminException {
        try {
            return realm.identityProviders().get(alias).getMappers().stream()
                    .map(IdentityProviderMapperRepresentation::getIdentityProviderMapper).toList();
        } catch (WebApplicationException e) {
            throw failure(e, "read the mappers of identity provider " + alias);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /**
     * What the server reads from an OpenID provider's discovery document, fetched by the server itself (Keycloak's
     * import of a provider's configuration): the endpoints as the server reaches them, with its own TLS trust.
     */
    Map<String, String> discover(java.net.URI discovery) throws AdminException {
        try {
            return realm.identityProviders().importFrom(Map.<String, Object>of("providerId", "oidc",
                    "fromUrl", discovery.toString()));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 401 || status == 403) {
                throw failure(e, "read a provider's discovery document");
            }
            throw new AdminException("the server could not read the discovery document " + discovery + " (HTTP "
                    + status + "; the server's log says why): check the URL, that the server "
                    + "reaches it and trusts its TLS certificate; nothing was registered");
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** The realm's issuer, as its discovery names it (the server's public URL): what the outside world sees. */
    String realmIssuer() throws AdminException {
        try (Response response = http.target(options.server().toString()).path("realms").path(options.realm())
                .path(".well-known/openid-configuration").request(MediaType.APPLICATION_JSON).get()) {
            String issuer = body(response).path("issuer").asText("");
            if (response.getStatus() != 200 || issuer.isEmpty()) {
                throw new AdminException("could not read the discovery of realm " + options.realm() + ": the server"
                        + " answered HTTP " + response.getStatus());
            }
            return issuer;
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** Whether the realm has a flow of this alias (PSC's establishment flows). */
    boolean hasFlow(String alias) throws AdminException {
        try {
            return realm.flows().getFlows().stream().anyMatch(flow -> alias.equals(flow.getAlias()));
        } catch (WebApplicationException e) {
            throw failure(e, "read the flows of realm " + options.realm());
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    void createIdentityProvider(ObjectNode representation) throws AdminException {
        String alias = representation.path("alias").asText();
        try (Response response = realm.identityProviders().create(JSON.convertValue(representation,
                IdentityProviderRepresentation.class))) {
            if (response.getStatus() == 409) {
                throw new AdminException("an identity provider " + alias + " already exists in realm "
                        + options.realm() + "; nothing was changed");
            }
            if (response.getStatus() != 201) {
                throw failure(new WebApplicationException(response), "create identity provider " + alias);
            }
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    void addIdentityProviderMapper(String alias, ObjectNode mapper) throws AdminException {
        try (Response response = realm.identityProviders().get(alias).addMapper(JSON.convertValue(mapper,
                IdentityProviderMapperRepresentation.class))) {
            if (response.getStatus() != 201) {
                throw failure(new WebApplicationException(response), "add mapper "
                        + mapper.path("identityProviderMapper").asText() + " to identity provider " + alias);
            }
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    void updateIdentityProvider(ObjectNode representation) throws AdminException {
        String alias = representation.path("alias").asText();
        try {
            realm.identityProviders().get(alias).update(JSON.convertValue(representation,
                    IdentityProviderRepresentation.class));
        } catch (WebApplicationException e) {
            throw failure(e, "update identity provider " + alias);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** Removes a provider, to undo a registration that could not be completed. */
    void deleteIdentityProvider(String alias) {
        try {
            realm.identityProviders().get(alias).remove();
        } catch (WebApplicationException | ProcessingException e) {
            // The registration's own failure is the one to report.
        }
    }

    /**
     * A call of the e-CPS device API's administrator endpoints, served under the realm ({@code psc-ecps/v1/admin/...}),
     * with this administrator's token.
     *
     * @return the JSON answer of a 2xx
     * @throws AdminException with the API's error code otherwise
     */
    JsonNode deviceAdmin(String method, String path, Map<String, String> query, String what) throws AdminException {
        return realmAdmin("psc-ecps/v1/admin", "e-CPS device API", method, path, query, what);
    }

    /**
     * A call of the pairings' administrator endpoints ({@code psc-pairings/v1/admin/...}, docs/establishments.md).
     *
     * @return the JSON answer of a 2xx (an empty object for 204)
     * @throws AdminException with the API's error code otherwise
     */
    JsonNode pairingAdmin(String method, String path, Map<String, String> query, String what) throws AdminException {
        return realmAdmin("psc-pairings/v1/admin", "pairing API", method, path, query, what);
    }

    private JsonNode realmAdmin(String api, String apiName, String method, String path, Map<String, String> query,
            String what) throws AdminException {
        try {
            var target = http.target(options.server().toString()).path("realms").path(options.realm())
                    .path(api).path(path);
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                target = target.queryParam(parameter.getKey(), parameter.getValue());
            }
            try (Response response = target.request(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Bearer " + keycloak.tokenManager().getAccessTokenString())
                    .method(method)) {
                JsonNode body = body(response);
                int status = response.getStatus();
                if (status / 100 == 2) {
                    return body;
                }
                if (status == 401 || status == 403) {
                    throw new AdminException(options.adminUser() + " may not " + what + " in realm "
                            + options.realm() + " (HTTP " + status + ")");
                }
                if (status == 404 && body.path("error").isMissingNode()) {
                    throw new AdminException("no " + apiName + " in realm " + options.realm() + " on "
                            + options.server() + " (HTTP 404)");
                }

                throw new AdminException("could not " + what + ": the server answered HTTP " + status
                        + (body.path("error").isTextual() ? " (" + body.path("error").asText() + ")" : ""));
            }
        } catch (WebApplicationException e) {
            throw failure(e, what);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** Removes a client, to undo a registration that could not be completed. */
    void deleteClient(String id) {
        try {
            realm.clients().get(id).remove();
        } catch (WebApplicationException | ProcessingException e) {
            // The registration's own failure is the one to report.
        }
    }

    private AdminException failure(WebApplicationException e, String what) {
        int status = e.getResponse().getStatus();
        if (status == 401 || status == 403) {
            return new AdminException(options.adminUser() + " may not " + what + " in realm " + options.realm()
                    + " (HTTP " + status + ")");
        }
        JsonNode body = body(e.getResponse());
        String reason = body.path("errorMessage").asText(body.path("error_description").asText(
                body.path("error").asText("")));
        return new AdminException("could not " + what + ": the server answered HTTP " + status
                + (reason.isEmpty() ? "" : " (" + reason.replaceAll("\\s+", " ") + ")"));
    }

    private AdminException unreachable(ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return new AdminException("cannot reach " + options.server() + ": is the server running?");
            }
            if (cause instanceof SocketTimeoutException) {
                return new AdminException(options.server() + " did not answer within " + TIMEOUT_SECONDS + " s");
            }
            if (cause instanceof SSLException) {
                return new AdminException("TLS with " + options.server() + " failed (" + OneLine.of(cause)
                        + "); give the server's CA certificates with --cacert");
            }
        }
        return new AdminException("talking to " + options.server() + " failed: " + OneLine.of(e));
    }

    private static JsonNode body(Response response) {
        try {
            response.bufferEntity();
            String text = response.readEntity(String.class);
            return JSON.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (RuntimeException | IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** RESTEasy with the admin client's JSON provider, bounded waits, and TLS trusting the given CAs only. */
    private static Client http(AdminOptions options) throws AdminException {
        ResteasyClientBuilderImpl builder = new ResteasyClientBuilderImpl();
        builder.connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS).readTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .register(JacksonProvider.class, 100);
        if (options.cacert() != null) {
            builder.sslContext(trusting(options.cacert()));
        }
        return builder.build();
    }

    /** TLS that trusts exactly the certificates of a PEM bundle (the sandbox CAs), never everything. */
    private static SSLContext trusting(Path pemBundle) throws AdminException {
        try {
            return PemTrust.sslContext(null, pemBundle);
        } catch (IOException e) {
            throw new AdminException("--cacert: cannot use " + pemBundle + ": " + OneLine.of(e));
        }
    }
}
