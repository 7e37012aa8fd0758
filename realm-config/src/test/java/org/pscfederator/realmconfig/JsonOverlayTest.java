package org.pscfederator.realmconfig;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class JsonOverlayTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void clientOfSameIdMergesAndNewClientIsAdded() throws Exception {
        ObjectNode base = json("{\"clients\":[{\"clientId\":\"a\",\"enabled\":true,\"name\":\"A\"}]}");
        ObjectNode overlay = json("{\"clients\":[{\"clientId\":\"a\",\"enabled\":false},{\"clientId\":\"b\"}]}");

        JsonOverlay.apply(base, overlay);

        assertThat(base).isEqualTo(json(
                "{\"clients\":[{\"clientId\":\"a\",\"enabled\":false,\"name\":\"A\"},{\"clientId\":\"b\"}]}"));
    }

    @Test
    void executorOfAClientProfileMergesByItsName() throws Exception {
        ObjectNode base = json("{\"profiles\":[{\"name\":\"p\",\"executors\":[{\"executor\":\"e\","
                + "\"configuration\":{\"strict\":\"true\",\"other\":\"1\"}}]}]}");

        JsonOverlay.apply(base, json("{\"profiles\":[{\"name\":\"p\",\"executors\":[{\"executor\":\"e\","
                + "\"configuration\":{\"strict\":\"false\"}}]}]}"));

        assertThat(base).isEqualTo(json("{\"profiles\":[{\"name\":\"p\",\"executors\":[{\"executor\":\"e\","
                + "\"configuration\":{\"strict\":\"false\",\"other\":\"1\"}}]}]}"));
    }

    @Test
    void nestedObjectsMergeKeyByKey() throws Exception {
        ObjectNode base = json("{\"attributes\":{\"x\":\"1\",\"y\":\"2\"}}");

        JsonOverlay.apply(base, json("{\"attributes\":{\"y\":\"3\"}}"));

        assertThat(base).isEqualTo(json("{\"attributes\":{\"x\":\"1\",\"y\":\"3\"}}"));
    }

    @Test
    void commentsAreStrippedAtEveryDepth() throws Exception {
        ObjectNode node = json("{\"_comment\":\"c\",\"users\":[{\"_comment\":\"d\",\"username\":\"u\"}]}");

        JsonOverlay.stripComments(node);

        assertThat(node).isEqualTo(json("{\"users\":[{\"username\":\"u\"}]}"));
    }

    private ObjectNode json(String text) throws Exception {
        return (ObjectNode) mapper.readTree(text);
    }
}
