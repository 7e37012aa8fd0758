package org.pscfederator.demorp;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * PSC's endpoints, read from its discovery document. PSC publishes it at {@code .well-known/wallet-openid-configuration}
 * (the standard {@code openid-configuration} holds the same). A relying service authenticating with its certificate
 * sends its token and userinfo requests to the {@code mtls_endpoint_aliases} (RFC 8705 section 5): the host that
 * asks for the client certificate.
 */
record PscEndpoints(String issuer, URI authorization, URI token, URI userinfo, URI endSession, URI jwks,
        URI mtlsToken, URI mtlsUserinfo) {

    static final String DISCOVERY_PATH = "/.well-known/wallet-openid-configuration";

    /** @throws IOException when a required endpoint is missing or the issuer is not the realm asked for */
    static PscEndpoints from(JsonNode discovery, String expectedIssuer) throws IOException {
        String issuer = discovery.path("issuer").asText("");
        // OpenID Connect Discovery 1.0 section 4.3: the issuer must be exactly the one we asked for.
        if (!issuer.equals(expectedIssuer)) {
            throw new IOException("the discovery document names issuer " + issuer + ", not " + expectedIssuer);
        }
        JsonNode aliases = discovery.path("mtls_endpoint_aliases");
        URI token = required(discovery, "token_endpoint");
        URI userinfo = required(discovery, "userinfo_endpoint");
        return new PscEndpoints(issuer, required(discovery, "authorization_endpoint"), token, userinfo,
                required(discovery, "end_session_endpoint"), required(discovery, "jwks_uri"),
                aliases.hasNonNull("token_endpoint") ? URI.create(aliases.get("token_endpoint").asText()) : token,
                aliases.hasNonNull("userinfo_endpoint") ? URI.create(aliases.get("userinfo_endpoint").asText())
                        : userinfo);
    }

    private static URI required(JsonNode discovery, String name) throws IOException {
        String value = discovery.path(name).asText("");
        if (!value.startsWith("https://")) {
            throw new IOException("the discovery document lacks an https " + name);
        }
        return URI.create(value);
    }
}
