package org.pscfederator.it.clientauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.realmconfig.RealmAssembler;
import org.pscfederator.realmconfig.RealmVariant;
import org.pscfederator.realmconfig.TrustMaterial;
import org.pscfederator.testpki.CaRole;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * The production variant of the realm as {@code realm-config} assembles it, imported into the running sandbox server
 * under another name with the sandbox PKI as its trust, so that tests meet production's policies.
 */
final class ProductionRealmCopy {

    static final String NAME = "psc-prod-it";

    private ProductionRealmCopy() {
    }

    /** Imports the copy unless it is there already; returns its discovery document. */
    static OIDCProviderMetadata ensure(SandboxServer server, TestPki pki, String name) throws Exception {
        String realmUrl = server.baseUrl() + "/realms/" + name;
        if (server.get(realmUrl, null).statusCode() != 200) {
            HttpResponse<String> created = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                            + "/admin/realms"))
                    .header("Authorization", "Bearer " + server.adminToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(realm(pki, name).toString())).build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        HTTPResponse document = RelyingService.withoutCertificate(server, null, "discovery", null)
                .send(new HTTPRequest(HTTPRequest.Method.GET, URI.create(realmUrl
                        + "/.well-known/openid-configuration")));
        return OIDCProviderMetadata.parse(document.getBodyAsJSONObject());
    }

    /** The production variant with the sandbox PKI as its trust, renamed, without the ids that the sandbox uses. */
    private static ObjectNode realm(TestPki pki, String name) throws Exception {
        Path ca = pki.pkiDir().resolve("ca");
        String root = Files.readString(ca.resolve("root-ca.pem"));
        TrustMaterial trust = new TrustMaterial(Files.readString(ca.resolve("persons-ca.pem")) + root,
                Files.readString(ca.resolve("org-ca.pem")) + root,
                org.pscfederator.testpki.SandboxProfile.POLICY_PERSON_AUTHENTICATION,
                org.pscfederator.testpki.SandboxProfile.POLICY_ORG_AUTH_CLI,
                pki.crlFile(CaRole.PERSONS).toAbsolutePath() + "," + pki.crlFile(CaRole.ROOT).toAbsolutePath(),
                pki.crlFile(CaRole.ORGANISATIONS).toAbsolutePath() + "," + pki.crlFile(CaRole.ROOT).toAbsolutePath());
        ObjectNode realm = new RealmAssembler().assemble(RealmVariant.PRODUCTION, trust);
        realm.put("realm", name);
        // The directory is the sandbox realm's; this realm's tests need no professional.
        realm.remove("components");
        withoutIds(realm);
        return realm;
    }

    private static void withoutIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("id");
            object.forEach(ProductionRealmCopy::withoutIds);
        } else if (node instanceof ArrayNode array) {
            array.forEach(ProductionRealmCopy::withoutIds);
        }
    }
}
