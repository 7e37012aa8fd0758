package org.pscfederator.identity;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;

/** {@code psc-identity list}: the professionals added with this tool that are still in the directory. */
@Command(name = "list")
final class ListCommand extends SandboxCommand {

    @Override
    public Integer call() throws Exception {
        IdentityOptions options = IdentityOptions.from(given);
        IdentityFiles files = new IdentityFiles(options.dataDir());
        SandboxApi api = sandbox(options);
        SandboxApi.Answer answer = api.list();
        if (answer.status() != 200) {
            throw new IdentityException("the server answered HTTP " + answer.status() + ": " + answer.error());
        }
        List<Map<String, Object>> identities = new ArrayList<>();
        for (JsonNode professional : answer.body().path("professionals")) {
            String idNat = professional.path("idNat").asText();
            JsonNode activity = professional.path("activities").path(0);
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("idNat", idNat);
            shown.put("firstName", professional.path("firstName").asText());
            shown.put("lastName", professional.path("lastName").asText());
            shown.put("profession", activity.path("profession").asText());
            shown.put("category", activity.path("category").asText());
            shown.put("mode", activity.path("mode").asText());
            shown.put("sector", activity.path("sector").asText());
            shown.put("addedAt", professional.path("addedAt").asText());
            shown.put("card", Files.isRegularFile(files.card(idNat)) ? files.card(idNat).toString() : null);
            shown.put("device", Files.isRegularFile(files.device(idNat)) ? files.device(idNat).toString() : null);
            identities.add(shown);
        }
        if (options.json()) {
            printJson(Map.of("identities", identities));
            return 0;
        }
        if (identities.isEmpty()) {
            out().println("psc-identity: no test professional created with psc-identity in realm " + options.realm());
            return 0;
        }
        out().println("idNat         name                             profession category mode sector added                card device");
        for (Map<String, Object> shown : identities) {
            out().println(String.format(java.util.Locale.ROOT, "%-13s %-32s %-10s %-8s %-4s %-6s %-20s %-4s %s",
                    shown.get("idNat"), shown.get("firstName") + " " + shown.get("lastName"), shown.get("profession"),
                    shown.get("category"), shown.get("mode"), shown.get("sector"),
                    String.valueOf(shown.get("addedAt")).replaceFirst("\\.\\d+Z$", "Z"),
                    shown.get("card") == null ? "-" : "yes", shown.get("device") == null ? "-" : "yes"));
        }
        return 0;
    }
}
