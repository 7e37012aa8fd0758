package org.pscfederator.realmconfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lays a realm variant over the base realm: objects merge key by key; in arrays, an element naming the same
 * client, user, scope, flow or client policy executor as a base element merges into it, any other element is added.
 */
final class JsonOverlay {

    /** The fields by which Keycloak's representations name array elements (executor: in a client profile). */
    private static final List<String> IDENTITY_FIELDS = List.of("clientId", "username", "alias", "name", "executor");

    private JsonOverlay() {
    }

    static void apply(ObjectNode base, ObjectNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            JsonNode added = field.getValue();
            if (existing instanceof ObjectNode existingObject && added instanceof ObjectNode addedObject) {
                apply(existingObject, addedObject);
            } else if (existing instanceof ArrayNode existingArray && added instanceof ArrayNode addedArray) {
                mergeArray(existingArray, addedArray);
            } else {
                base.set(field.getKey(), added.deepCopy());
            }
        }
    }

    private static void mergeArray(ArrayNode base, ArrayNode overlay) {
        for (JsonNode element : overlay) {
            ObjectNode same = findSame(base, element);
            if (same != null) {
                apply(same, (ObjectNode) element);
            } else {
                base.add(element.deepCopy());
            }
        }
    }

    private static ObjectNode findSame(ArrayNode base, JsonNode element) {
        if (!element.isObject()) {
            return null;
        }
        for (String identity : IDENTITY_FIELDS) {
            JsonNode name = element.get(identity);
            if (name == null) {
                continue;
            }
            for (JsonNode candidate : base) {
                if (candidate.isObject() && name.equals(candidate.get(identity))) {
                    return (ObjectNode) candidate;
                }
            }
            return null;
        }
        return null;
    }

    /** Removes the {@code _comment} style keys that document the files; Keycloak's import knows none of them. */
    static void stripComments(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> comments = new ArrayList<>();
            object.fieldNames().forEachRemaining(name -> {
                if (name.startsWith("_")) {
                    comments.add(name);
                }
            });
            object.remove(comments);
            object.forEach(JsonOverlay::stripComments);
        } else if (node instanceof ArrayNode array) {
            array.forEach(JsonOverlay::stripComments);
        }
    }
}
