package org.pscfederator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The export's hash chain (docs/audit.md): a whole file verifies; a changed, removed or moved line is named. */
@Tag("psc-audit")
class EventChainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An export header, four events, the closing line: six lines. */
    private static List<String> export() throws Exception {
        EventChain chain = new EventChain();
        List<String> lines = new ArrayList<>();
        lines.add(chain.next(EventChain.EXPORT, (ObjectNode) JSON.readTree("{\"realm\":\"esante-wallet\"}")));
        for (int i = 1; i <= 4; i++) {
            lines.add(chain.next("event", (ObjectNode) JSON.readTree("{\"event\":{\"type\":\"LOGIN\",\"time\":" + i
                    + ",\"details\":{\"psc_idnat\":\"899700366240\",\"psc_means\":\"CPS\"}}}")));
        }
        lines.add(chain.end());
        return lines;
    }

    @Test
    void aWholeExportVerifiesAndEndsWithTheLastHash() throws Exception {
        List<String> lines = export();

        EventChain.Verdict verdict = EventChain.verify(lines);

        assertThat(verdict.intact()).as(String.valueOf(verdict.problem())).isTrue();
        assertThat(verdict.lines()).isEqualTo(6);
        assertThat(verdict.lastHash()).hasSize(64).isEqualTo(JSON.readTree(lines.get(5)).path("hash").asText());
    }

    @Test
    void eachLineHashesThePreviousLinesHash() throws Exception {
        List<String> lines = export();

        assertThat(JSON.readTree(lines.get(0)).path("prev").asText()).isEqualTo("0".repeat(64));
        for (int i = 1; i < lines.size(); i++) {
            assertThat(JSON.readTree(lines.get(i)).path("prev").asText())
                    .isEqualTo(JSON.readTree(lines.get(i - 1)).path("hash").asText());
        }
    }

    @Test
    void theOrderOfKeysAndSpacesInALineDoNotMatter() throws Exception {
        List<String> lines = export();
        ObjectNode reordered = JSON.createObjectNode();
        ObjectNode original = (ObjectNode) JSON.readTree(lines.get(2));
        List<String> keys = new ArrayList<>();
        original.fieldNames().forEachRemaining(keys::add);
        Collections.reverse(keys);
        keys.forEach(key -> reordered.set(key, original.get(key)));
        lines.set(2, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reordered).replace("\n", " "));

        assertThat(EventChain.verify(lines).intact()).isTrue();
    }

    @Test
    void anAlteredLineIsNamed() throws Exception {
        List<String> lines = export();
        lines.set(2, lines.get(2).replace("\"CPS\"", "\"e-CPS\""));

        EventChain.Verdict verdict = EventChain.verify(lines);

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.badLine()).isEqualTo(3);
        assertThat(verdict.problem()).contains("altered");
    }

    @Test
    void aRemovedLineIsSeenAtTheLineAfterIt() throws Exception {
        List<String> lines = export();
        lines.remove(2);

        EventChain.Verdict verdict = EventChain.verify(lines);

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.badLine()).isEqualTo(3);
        assertThat(verdict.problem()).contains("removed");
    }

    @Test
    void removingTheFirstOrTheLastLinesIsSeen() throws Exception {
        List<String> withoutStart = export();
        withoutStart.remove(0);
        List<String> withoutEnd = export();
        withoutEnd.remove(5);
        List<String> withoutLastEvent = export();
        withoutLastEvent.remove(4);

        assertThat(EventChain.verify(withoutStart).badLine()).isEqualTo(1);
        assertThat(EventChain.verify(withoutEnd).problem()).contains("removed from the end");
        assertThat(EventChain.verify(withoutEnd).badLine()).isEqualTo(5);
        assertThat(EventChain.verify(withoutLastEvent).badLine()).isEqualTo(5);
    }

    @Test
    void twoSwappedLinesAreNamed() throws Exception {
        List<String> lines = export();
        Collections.swap(lines, 2, 3);

        EventChain.Verdict verdict = EventChain.verify(lines);

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.badLine()).isEqualTo(3);
        assertThat(verdict.problem()).contains("reordered");
    }

    @Test
    void aRewrittenHashWithoutItsLineIsStillSeen() throws Exception {
        List<String> lines = export();
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(2));
        ((ObjectNode) line.path("event").path("details")).put("psc_means", "e-CPS");
        line.remove("hash");
        line.put("hash", EventChain.hash(line.deepCopy()));
        lines.set(2, EventChain.canonical(line));

        EventChain.Verdict verdict = EventChain.verify(lines);

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.badLine()).as("the next line no longer follows it").isEqualTo(4);
    }

    @Test
    void anEmptyFileOrAStrayLineIsNotAnExport() throws Exception {
        List<String> lines = export();
        lines.add(3, "{\"seq\":4}");

        assertThat(EventChain.verify(List.of()).problem()).contains("empty");
        assertThat(EventChain.verify(List.of("not json")).problem()).contains("not a JSON object");
        assertThat(EventChain.verify(lines).badLine()).isEqualTo(4);
    }
}
