package org.pscfederator.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.pscfederator.it.harness.SandboxServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The console of a sandbox started with {@code --log-json}, as a log collector reads it: one JSON object per line.
 * The harness's own line marking each start ({@code === it harness: ...}) is the test's, not the server's, and is
 * left out.
 */
final class JsonLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HARNESS_MARK = "=== it harness:";

    private JsonLog() {
    }

    /** The server's lines since the harness last started it, as written. */
    static List<String> lines(SandboxServer server) throws Exception {
        List<String> all = Files.readAllLines(server.log(), StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith(HARNESS_MARK)) {
                start = i + 1;
            }
        }
        return new ArrayList<>(all.subList(start, all.size()));
    }

    static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            assertThat(node != null && node.isObject()).as("a JSON object: " + line).isTrue();
            return node;
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    /** The lines written after the first {@code skip} that match, waiting up to 10 s for at least one. */
    static List<JsonNode> await(SandboxServer server, int skip, Predicate<JsonNode> wanted) throws Exception {
        List<JsonNode> found = List.of();
        for (int attempt = 0; attempt < 50 && found.isEmpty(); attempt++) {
            if (attempt > 0) {
                Thread.sleep(200);
            }
            found = after(server, skip, wanted);
        }
        return found;
    }

    static List<JsonNode> after(SandboxServer server, int skip, Predicate<JsonNode> wanted) throws Exception {
        List<String> lines = lines(server);
        return lines.subList(Math.min(skip, lines.size()), lines.size()).stream().map(JsonLog::parse)
                .filter(wanted).toList();
    }

    static Predicate<JsonNode> messageStartingWith(String prefix) {
        return line -> line.path("message").asText().startsWith(prefix);
    }
}
