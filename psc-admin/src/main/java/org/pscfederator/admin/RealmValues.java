package org.pscfederator.admin;

import java.util.HashMap;
import java.util.Map;

import org.pscfederator.core.settings.RealmSettings;

import com.fasterxml.jackson.databind.JsonNode;

/** The realm's attributes, as the admin API gives them, read by the server's own {@link RealmSettings}. */
final class RealmValues {

    private RealmValues() {
    }

    static RealmSettings settings(JsonNode attributes) {
        Map<String, String> values = new HashMap<>();
        attributes.properties().forEach(field -> values.put(field.getKey(), field.getValue().asText()));
        return RealmSettings.of(values);
    }
}
