package org.pscfederator.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

/** What a relying service checks once a PSC login gave it tokens, whatever the means of the login. */
public final class RelyingServiceChecks {

    private RelyingServiceChecks() {
    }

    /**
     * The ID token verifies against the JWKS and names the professional, with the request's nonce, {@code acr}
     * eidas1 and this {@code amr}; the userinfo is a signed JWT that verifies and names them too.
     *
     * @return the userinfo claims
     */
    public static JsonNode loggedInAs(PscEndpoint server, JsonNode tokens, CardBrowser.Request request,
            String idNat, String amr) throws Exception {
        JsonNode idToken = SignedJwt.verified(server, tokens.get("id_token").asText());
        assertThat(idToken.get("nonce").asText()).isEqualTo(request.nonce());
        assertThat(idToken.get("acr").asText()).isEqualTo("eidas1");
        assertThat(idToken.get("amr").toString()).isEqualTo(amr);
        assertThat(idToken.get("SubjectNameID").asText()).isEqualTo(idNat);

        HttpResponse<String> userinfo = server.get(server.realmUrl() + "/protocol/openid-connect/userinfo",
                tokens.get("access_token").asText());
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(userinfo.headers().firstValue("Content-Type").orElse("")).startsWith("application/jwt");
        JsonNode claims = SignedJwt.verified(server, userinfo.body());
        assertThat(claims.get("SubjectNameID").asText()).isEqualTo(idNat);
        assertThat(claims.get("sub").asText()).endsWith(":" + idNat);
        assertThat(claims.has("SubjectRefPro")).isTrue();
        return claims;
    }
}
