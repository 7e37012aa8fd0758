package org.pscfederator.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hash-chained JSON lines of {@code psc-admin events export} (docs/audit.md): every line is a JSON object with
 * {@code seq} (1, 2, ...), {@code kind} ({@code export} first, then {@code event} or {@code admin_event}, {@code end}
 * last), {@code prev} (the previous line's {@code hash}; 64 zeros for the first) and {@code hash}: the lower-case hex
 * SHA-256 of the line's canonical form without {@code hash} (keys sorted at every level, no spaces, UTF-8). The
 * {@code end} line counts the lines before it, so that lines cut from the end are seen too.
 */
final class EventChain {

    static final String FIRST_PREV = "0".repeat(64);
    static final String SEQ = "seq";
    static final String KIND = "kind";
    static final String PREV = "prev";
    static final String HASH = "hash";
    static final String EXPORT = "export";
    static final String END = "end";
    static final String LINES = "lines";

    private static final ObjectMapper JSON = new ObjectMapper();

    private String previous = FIRST_PREV;
    private long seq;

    /** The next line: {@code fields} (an export header, an event) with its place in the chain and its hash. */
    String next(String kind, ObjectNode fields) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put(SEQ, ++seq);
        line.put(KIND, kind);
        fields.properties().forEach(field -> {
            if (!List.of(SEQ, KIND, PREV, HASH).contains(field.getKey())) {
                line.set(field.getKey(), field.getValue());
            }
        });
        line.put(PREV, previous);
        previous = hash(line);
        line.put(HASH, previous);
        return canonical(line);
    }

    /** The closing line, naming how many lines came before it. */
    String end() {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put(LINES, seq);
        return next(END, fields);
    }

    /** The hash of the last line written: kept apart from the file, it vouches for the whole export. */
    String lastHash() {
        return previous;
    }

    /** What {@link #verify} found: null problem when the chain is whole. */
    record Verdict(int lines, String lastHash, Integer badLine, String problem) {
        boolean intact() {
            return problem == null;
        }
    }

    /** Checks every line in order and says which is the first one that breaks the chain, and how. */
    static Verdict verify(List<String> lines) {
        String previous = FIRST_PREV;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            JsonNode node;
            try {
                node = JSON.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                return broken(lines.size(), number, "is not a JSON object (altered or cut)");
            }
            ObjectNode line = (ObjectNode) node;
            JsonNode hash = line.remove(HASH);
            if (hash == null || !hash.isTextual() || !line.path(SEQ).canConvertToLong() || !line.path(PREV).isTextual()) {
                return broken(lines.size(), number, "lacks its seq, prev or hash (altered)");
            }
            if (!hash(line).equals(hash.asText())) {
                return broken(lines.size(), number, "was altered: its content does not match its hash");
            }
            long seq = line.path(SEQ).asLong();
            if (seq != number) {
                return broken(lines.size(), number, "carries sequence number " + seq + " where " + number
                        + " belongs: " + (seq > number ? "a line before it was removed, or lines were reordered"
                                : "lines were reordered or repeated"));
            }
            if (!previous.equals(line.path(PREV).asText())) {
                return broken(lines.size(), number, number == 1 ? "does not start a chain"
                        : "does not follow line " + (number - 1) + " (its prev is not that line's hash): lines were"
                                + " removed, reordered or inserted");
            }
            String kind = line.path(KIND).asText();
            if (number == 1 && !EXPORT.equals(kind)) {
                return broken(lines.size(), number, "is not the export's opening line: the start was removed");
            }
            if (END.equals(kind)) {
                if (line.path(LINES).asLong(-1) != number - 1 || number != lines.size()) {
                    return broken(lines.size(), number, "is a closing line that does not close the file");
                }
                return new Verdict(lines.size(), hash.asText(), null, null);
            }
            previous = hash.asText();
        }
        return lines.isEmpty() ? broken(0, null, "is empty: not an export")
                : broken(lines.size(), lines.size(), "is the last one but not the closing line: lines were removed "
                        + "from the end");
    }

    private static Verdict broken(int lines, Integer number, String problem) {
        return new Verdict(lines, null, number, problem);
    }

    static String hash(ObjectNode lineWithoutHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(lineWithoutHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Keys sorted at every level, no insignificant spaces: the same object always gives the same bytes. */
    static String canonical(JsonNode node) {
        try {
            return JSON.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), sorted(field.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> items = node.elements(); items.hasNext();) {
                copy.add(sorted(items.next()));
            }
            return copy;
        }
        return node;
    }

    static List<String> nonEmpty(List<String> lines) {
        List<String> kept = new ArrayList<>(lines);
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }
}
