package org.pscfederator.keycloak.policies;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Pro Santé Connect has one level of assurance, {@code eidas1}. A request may name a level in two places, and both are
 * checked: {@code acr_values} (OpenID Connect Core §3.1.2.1, CIBA §7.1) and the {@code acr} member of the
 * {@code claims} parameter's {@code id_token} and {@code userinfo} objects, as {@code value} or {@code values}
 * (OpenID Connect Core §5.5.1.1). Keycloak takes any level it can map to the login's, {@code 0} included.
 */
final class Eidas1Only {

    static final String EIDAS1 = "eidas1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Eidas1Only() {
    }

    /**
     * @param acrValues the request's {@code acr_values}, or null
     * @param claims the request's {@code claims} parameter, or null
     * @param acrValuesRequired whether a request must name {@code eidas1} in {@code acr_values} (production)
     * @return why the request is refused, for the OAuth error description; empty when it is accepted
     */
    static Optional<String> whyRefused(String acrValues, String claims, boolean acrValuesRequired) {
        boolean named = acrValues != null && !acrValues.isBlank();
        if (!named && acrValuesRequired) {
            return Optional.of("acr_values=" + EIDAS1 + " is required");
        }
        if (named) {
            for (String value : acrValues.strip().split("\\s+")) {
                if (!EIDAS1.equals(value)) {
                    return Optional.of(otherLevel("acr_values"));
                }
            }
        }
        return claims == null || claims.isBlank() ? Optional.empty() : whyClaimsRefused(claims);
    }

    private static Optional<String> whyClaimsRefused(String claims) {
        JsonNode request;
        try {
            request = JSON.readTree(claims);
        } catch (JsonProcessingException e) {
            return Optional.of("the claims parameter is not JSON, its acr cannot be checked");
        }
        if (!request.isObject()) {
            return Optional.of("the claims parameter is not a JSON object, its acr cannot be checked");
        }
        for (String member : new String[] {"id_token", "userinfo"}) {
            JsonNode acr = request.path(member).path("acr");
            if (acr.isMissingNode() || acr.isNull()) {
                continue; // the claim asked for with no level: eidas1 is what it gets
            }
            if (!acr.isObject() || !acceptable(acr.get("value"), acr.get("values"))) {
                return Optional.of(otherLevel("the claims parameter's " + member + ".acr"));
            }
        }
        return Optional.empty();
    }

    private static boolean acceptable(JsonNode value, JsonNode values) {
        if (value != null && !(value.isTextual() && EIDAS1.equals(value.asText()))) {
            return false;
        }
        if (values == null) {
            return true;
        }
        if (!values.isArray()) {
            return false;
        }
        for (JsonNode element : values) {
            if (!(element.isTextual() && EIDAS1.equals(element.asText()))) {
                return false;
            }
        }
        return true;
    }

    private static String otherLevel(String where) {
        return where + " names a level of assurance (acr) other than " + EIDAS1 + ", the only one offered";
    }
}
