package org.pscfederator.keycloak.http;

import java.io.IOException;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.util.JsonSerialization;

/**
 * The JSON answers of our HTTP APIs, never cached; a refusal is {@code {"error": "<reason>"}}, the reason a code in
 * lower case that the docs list.
 */
public final class JsonAnswer {

    private JsonAnswer() {
    }

    public static Response json(int status, Object body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store").entity(JsonSerialization.writeValueAsString(body)).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response error(int status, String reason) {
        return json(status, Map.of("error", reason));
    }
}
