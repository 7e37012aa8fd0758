package org.pscfederator.it.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;
import org.pscfederator.it.harness.SignedJwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Signed userinfo (OIDC Core §5.3.2), the default here (a per-client setting turns it back to JSON): a relying service
 * registered in the realm gets its userinfo as a JWT that verifies against the realm's JWKS.
 */
@Tag("psc-claims")
@ExtendWith(SandboxServerExtension.class)
class SignedUserInfoIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void newRelyingServiceGetsUserinfoSignedWithTheRealmKeyAndCanTurnItBackToJson(SandboxServer server)
            throws Exception {
        String admin = server.adminToken();
        String clients = server.baseUrl() + "/admin/realms/esante-wallet/clients";
        HttpResponse<String> created = server.send(HttpRequest.newBuilder(URI.create(clients))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"signed-userinfo-check\",\"publicClient\":false,"
                        + "\"secret\":\"check-secret\",\"directAccessGrantsEnabled\":true}")).build());
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode client = server.getJson(clients + "?clientId=signed-userinfo-check", admin).get(0);
        assertThat(client.at("/attributes/user.info.response.signature.alg").asText()).isEqualTo("RS256");

        HttpResponse<String> userinfo = userinfo(server);

        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(userinfo.headers().firstValue("Content-Type").orElse("")).startsWith("application/jwt");
        JsonNode payload = SignedJwt.verified(server, userinfo.body());
        assertThat(payload.get("preferred_username").asText()).isEqualTo("bench.password");

        ObjectNode json = (ObjectNode) client.deepCopy();
        ((ObjectNode) json.get("attributes")).put("user.info.response.signature.alg", "");
        assertThat(server.send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.toString())).build()).statusCode()).isEqualTo(204);
        HttpResponse<String> plain = userinfo(server);
        assertThat(plain.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(JSON.readTree(plain.body()).get("preferred_username").asText()).isEqualTo("bench.password");
    }

    /** Introspection (RFC 7662) of an access token includes PSC's SubjectNameID (scope scope_all). */
    @Test
    void introspectionOfAnAccessTokenIncludesSubjectNameId(SandboxServer server) throws Exception {
        String admin = server.adminToken();
        assertThat(server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/esante-wallet/clients"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"introspection-check\",\"publicClient\":false,"
                        + "\"secret\":\"check-secret\",\"directAccessGrantsEnabled\":true}")).build()).statusCode())
                .isEqualTo(201);
        String accessToken = accessToken(server, "introspection-check", "openid scope_all");

        HttpResponse<String> introspection = server.send(HttpRequest.newBuilder(
                        URI.create(server.realmUrl() + "/protocol/openid-connect/token/introspect"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=introspection-check&client_secret=check-secret"
                        + "&token=" + accessToken)).build());

        JsonNode answer = JSON.readTree(introspection.body());
        assertThat(answer.get("active").asBoolean()).isTrue();
        assertThat(answer.get("SubjectNameID").asText()).isEqualTo("bench.password");
    }

    private static HttpResponse<String> userinfo(SandboxServer server) throws Exception {
        return server.get(server.realmUrl() + "/protocol/openid-connect/userinfo",
                accessToken(server, "signed-userinfo-check", "openid"));
    }

    private static String accessToken(SandboxServer server, String clientId, String scope) throws Exception {
        String form = "grant_type=password&client_id=" + clientId + "&client_secret=check-secret"
                + "&username=bench.password&password=Bench-Password-1234&scope="
                + java.net.URLEncoder.encode(scope, StandardCharsets.UTF_8);
        HttpResponse<String> token = server.send(HttpRequest.newBuilder(
                        URI.create(server.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body()).get("access_token").asText();
    }
}
