package org.pscfederator.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pscfederator.core.establishments.EstablishmentSetting;
import org.pscfederator.core.establishments.EstablishmentSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@code idp show} prints of an establishment's identity provider: its state, endpoints, client, PSC's settings
 * as the server reads them (defaults included, or why they are refused), its flows and whether PSC's mapper is on it.
 * The client secret is never printed.
 */
final class EstablishmentReport {

    private EstablishmentReport() {
    }

    static ObjectNode document(String realm, ObjectNode provider, List<String> mapperTypes) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("realm", realm);
        document.put("alias", provider.path("alias").asText());
        document.put("enabled", provider.path("enabled").asBoolean(false));
        document.put("firstBrokerLoginFlow", provider.path("firstBrokerLoginFlowAlias").asText(null));
        document.put("postBrokerLoginFlow", provider.path("postBrokerLoginFlowAlias").asText(null));
        document.put("pscMapper", mapperTypes.contains(EstablishmentRegistration.MAPPER));
        ObjectNode config = document.putObject("config");
        provider.path("config").fields().forEachRemaining(field -> {
            if (!field.getKey().equals("clientSecret")) {
                config.set(field.getKey(), field.getValue());
            }
        });
        String problem = problem(provider);
        document.put("settingsValid", problem == null);
        if (problem != null) {
            document.put("settingsProblem", problem);
        }
        return document;
    }

    static String text(String realm, ObjectNode provider, List<String> mapperTypes) {
        JsonNode config = provider.path("config");
        StringBuilder text = new StringBuilder();
        text.append("identity provider ").append(OperatorCommand.shown(provider.path("alias").asText()))
                .append(" in realm ").append(realm).append(": ")
                .append(provider.path("enabled").asBoolean(false) ? "enabled" : "DISABLED").append('\n');
        line(text, "issuer", config.path("issuer").asText(null));
        line(text, "authorization", config.path("authorizationUrl").asText(null));
        line(text, "token", config.path("tokenUrl").asText(null));
        line(text, "keys", config.path("jwksUrl").asText(null));
        line(text, "client", config.path("clientId").asText(null) + " (" + config.path("clientAuthMethod")
                .asText("client_secret_post") + ")");
        line(text, "first login", provider.path("firstBrokerLoginFlowAlias").asText(null));
        line(text, "later logins", provider.path("postBrokerLoginFlowAlias").asText(null));
        line(text, "PSC mapper", mapperTypes.contains(EstablishmentRegistration.MAPPER) ? EstablishmentRegistration.MAPPER
                : "MISSING (no PSC check runs: logins through this provider get no eidas1 token)");
        try {
            EstablishmentSettings settings = EstablishmentSettings.of(map(config));
            line(text, "name", settings.name());
            line(text, "structures", settings.structures().format());
            line(text, "amr all of", String.join(" ", settings.amrRule().allOf().stream().sorted().toList()));
            line(text, "amr one of", String.join(" ", settings.amrRule().anyOf().stream().sorted().toList()));
            line(text, "local subject", settings.subjectClaims().wire());
            line(text, "pairing days", Integer.toString(settings.pairingDays()));
        } catch (IllegalStateException e) {
            line(text, "PSC settings", "INVALID, every login through it is refused: " + e.getMessage());
        }
        return text.toString();
    }

    /** Why PSC's checks refuse the provider's settings, or null when they accept them. */
    static String problem(ObjectNode provider) {
        try {
            EstablishmentSettings.of(map(provider.path("config")));
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private static Map<String, String> map(JsonNode config) {
        Map<String, String> map = new LinkedHashMap<>();
        for (EstablishmentSetting setting : EstablishmentSetting.values()) {
            JsonNode value = config.path(setting.attribute());
            if (value.isTextual()) {
                map.put(setting.attribute(), value.asText());
            }
        }
        return map;
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-14s %s%n", label, OperatorCommand.shown(value)));
    }
}
