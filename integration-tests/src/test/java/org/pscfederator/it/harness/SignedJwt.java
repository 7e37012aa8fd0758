package org.pscfederator.it.harness;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JWT checked as a relying service checks it: RS256, signed by a key of the realm's JWKS. */
public final class SignedJwt {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SignedJwt() {
    }

    /** @return the payload, once the signature verified; an AssertionError otherwise */
    public static JsonNode verified(PscEndpoint server, String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a JWS: " + parts.length + " parts");
        }
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        if (!"RS256".equals(header.path("alg").asText())) {
            throw new AssertionError("alg is " + header.path("alg").asText() + ", not RS256");
        }
        JsonNode key = null;
        for (JsonNode candidate : server.getJson(server.realmUrl() + "/protocol/openid-connect/certs").get("keys")) {
            if (candidate.path("kid").asText().equals(header.path("kid").asText())) {
                key = candidate;
            }
        }
        if (key == null) {
            throw new AssertionError("no key " + header.path("kid").asText() + " in the realm's JWKS");
        }
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asText()))));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(publicKey);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
            throw new AssertionError("the signature does not verify with the realm's key");
        }
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }
}
