package org.pscfederator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** With --log-json the launcher's own lines are JSON objects, one per line, whatever they hold. */
class JsonConsoleTest {

    @Test
    void eachLineIsOneJsonObjectNamingTheLauncherAndBlankLinesAreDropped() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonConsole console = new JsonConsole(bytes, "INFO");

        console.println("psc-sandbox: ready.");
        console.println();
        console.println("  quote \" backslash \\ break\nand\ttab \u0001 \u2028");

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("{\"timestamp\":\"").endsWith(
                "\",\"level\":\"INFO\",\"loggerName\":\"psc-sandbox\",\"message\":\"psc-sandbox: ready.\"}");
        assertThat(lines[1]).endsWith("\"message\":\"  quote \\\" backslash \\\\ break\\nand\\ttab \\u0001 \\u2028\"}");
    }

    @Test
    void lineHasKeycloaksFieldNames() {
        assertThat(JsonConsole.line(Instant.parse("2026-12-02T10:00:00Z"), "ERROR", "psc-sandbox: error: x"))
                .isEqualTo("{\"timestamp\":\"2026-12-02T10:00:00Z\",\"level\":\"ERROR\",\"loggerName\":\"psc-sandbox\","
                        + "\"message\":\"psc-sandbox: error: x\"}");
    }

    @Test
    void keycloaksJsonLinesPassAsTheyAreAndItsTextLinesBecomeJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonConsole console = new JsonConsole(bytes, "INFO");
        String json = "{\"timestamp\":\"2026-12-02T14:00:08Z\",\"loggerName\":\"org.keycloak.x\",\"level\":\"INFO\","
                + "\"message\":\"m\",\"mdc\":{}}";

        console.relay(json);
        console.relay("2026-12-02 13:59:05,864 WARN  [org.keycloak.common.Profile] (build-4) Deprecated \"features\"");
        console.relay("");
        console.relay("\tkc.sh show-config");

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(json);
        assertThat(lines[1]).endsWith("\"level\":\"WARN\",\"loggerName\":\"org.keycloak.common.Profile\","
                + "\"message\":\"Deprecated \\\"features\\\"\",\"fromText\":true}");
        assertThat(lines[2]).endsWith("\"level\":\"INFO\",\"loggerName\":\"keycloak-console\","
                + "\"message\":\"kc.sh show-config\",\"fromText\":true}");
    }
}
