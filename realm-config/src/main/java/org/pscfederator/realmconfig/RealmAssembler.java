package org.pscfederator.realmconfig;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Builds the realm files that Keycloak imports: the base realm, the variant laid over it, and the trust material
 * and server URLs put in place of its {@code {{psc:name}}} placeholders; and the variant's companion realms (the
 * sandbox's demonstration hospital), whole files with the server URLs filled in. A placeholder left without a value
 * is an error: a realm must never start with a trust setting nobody filled in.
 */
public final class RealmAssembler {

    public static final String REALM_NAME = "esante-wallet";
    /** The sandbox's demonstration hospital: a realm, and PSC's identity provider of the same alias. */
    public static final String SANDBOX_HOSPITAL = "hopital-demo";
    static final String REALM_FILE = REALM_NAME + ".json";
    private static final String BASE_RESOURCE = "realms/base/" + REALM_FILE;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{psc:([A-Za-z]+)}}");

    private final ObjectMapper mapper = new ObjectMapper();

    /** The realm on a server at the sandbox's default URLs. */
    public ObjectNode assemble(RealmVariant variant, TrustMaterial trust) {
        return assemble(variant, trust, ServerUrls.SANDBOX_DEFAULT);
    }

    public ObjectNode assemble(RealmVariant variant, TrustMaterial trust, ServerUrls urls) {
        ObjectNode realm = load(BASE_RESOURCE);
        JsonOverlay.apply(realm, load(variant.overlayResource()));
        JsonOverlay.stripComments(realm);
        Map<String, String> values = new HashMap<>(trust.placeholders());
        values.putAll(urls.placeholders());
        fill(realm, values);
        return realm;
    }

    /** The variant's companion realms by name, in {@link RealmVariant#companionRealms()}'s order. */
    public Map<String, ObjectNode> companions(RealmVariant variant, ServerUrls urls) {
        Map<String, ObjectNode> realms = new LinkedHashMap<>();
        for (String name : variant.companionRealms()) {
            ObjectNode realm = load(variant.resource(name));
            JsonOverlay.stripComments(realm);
            fill(realm, urls.placeholders());
            realms.put(name, realm);
        }
        return realms;
    }

    public String assembleAsString(RealmVariant variant, TrustMaterial trust, ServerUrls urls) {
        return write(assemble(variant, trust, urls));
    }

    public String write(ObjectNode realm) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
        } catch (IOException e) {
            throw new RealmConfigException("cannot write the realm: " + e.getMessage());
        }
    }

    private ObjectNode load(String resource) {
        try (InputStream in = RealmAssembler.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new RealmConfigException("realm file " + resource + " is missing from realm-config");
            }
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new RealmConfigException("realm file " + resource + " is not valid JSON: " + e.getMessage());
        }
    }

    private static void fill(JsonNode node, Map<String, String> values) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    object.set(name, new TextNode(substitute(child.textValue(), values)));
                } else {
                    fill(child, values);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual()) {
                    array.set(i, new TextNode(substitute(child.textValue(), values)));
                } else {
                    fill(child, values);
                }
            }
        }
    }

    private static String substitute(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new RealmConfigException("no value for realm placeholder {{psc:" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
