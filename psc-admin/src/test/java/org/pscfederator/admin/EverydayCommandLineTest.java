package org.pscfederator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The audit, events, device and session commands' bad input, without a server (the port given is closed): one line on
 * stderr, exit code 2 for a bad command line and 1 for a failure, nothing written.
 */
@Tag("psc-audit")
class EverydayCommandLineTest {

    private static final String NO_SERVER = "https://localhost:1/auth";
    private static final Map<String, String> PASSWORD = Map.of("PSC_ADMIN_PASSWORD", "x");

    @TempDir
    Path folder;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        out.reset();
        err.reset();
        return new AdminCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment).run(args);
    }

    private String error() {
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text.strip().lines()).as(text).hasSize(1);
        assertThat(text).startsWith("psc-admin: error: ").doesNotContain("Exception");
        return text.strip();
    }

    @Test
    void malformedDatesAreRefusedBeforeAnyServerIsAsked() {
        assertThat(run(PASSWORD, "audit", "--idnat", "899700366240", "--since", "yesterday", "--server", NO_SERVER))
                .isEqualTo(2);
        assertThat(error()).contains("--since: not a date").doesNotContain("cannot reach");
        assertThat(run(PASSWORD, "events", "export", "--since", "2026-12-02", "--until", "2026-02-31",
                "--output", folder.resolve("x.jsonl").toString(), "--server", NO_SERVER)).isEqualTo(2);
        assertThat(error()).contains("--until: not a date");
        assertThat(run(PASSWORD, "audit", "--idnat", "899700366240", "--since", "2026-12-02", "--until",
                "2026-12-01", "--server", NO_SERVER)).isEqualTo(2);
        assertThat(error()).contains("comes before --since");
        assertThat(folder.resolve("x.jsonl")).doesNotExist();
    }

    @Test
    void aMalformedIdNatIsRefused() {
        for (String command : new String[] {"audit", "device list", "device revoke", "session list", "session end"}) {
            List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
            args.addAll(List.of("--idnat", "8997 00;drop", "--server", NO_SERVER));
            assertThat(run(PASSWORD, args.toArray(String[]::new))).as(command).isEqualTo(2);
            assertThat(error()).contains("--idnat: not a national identifier");
        }
    }

    @Test
    void withoutAPasswordNothingIsAsked() {
        assertThat(run(Map.of(), "session", "end", "--idnat", "899700366240", "--server", NO_SERVER)).isEqualTo(2);
        assertThat(error()).contains("set PSC_ADMIN_PASSWORD");
    }

    @Test
    void anUnreachableServerIsOneLine() {
        assertThat(run(PASSWORD, "device", "revoke", "--idnat", "899700366240", "--server", NO_SERVER)).isEqualTo(1);
        assertThat(error()).isEqualTo("psc-admin: error: cannot reach " + NO_SERVER + ": is the server running?");
        assertThat(run(PASSWORD, "events", "export", "--since", "2026-12-02", "--output",
                folder.resolve("y.jsonl").toString(), "--server", NO_SERVER)).isEqualTo(1);
        assertThat(error()).contains("cannot reach");
        assertThat(folder.resolve("y.jsonl")).doesNotExist();
        assertThat(folder.resolve("y.jsonl.partial")).doesNotExist();
    }

    @Test
    void anExportNeverOverwritesAFile() throws Exception {
        Path existing = Files.writeString(folder.resolve("kept.jsonl"), "kept\n");

        assertThat(run(PASSWORD, "events", "export", "--since", "2026-12-02", "--output", existing.toString(),
                "--server", NO_SERVER)).isEqualTo(2);
        assertThat(error()).contains("exists");
        assertThat(Files.readString(existing)).isEqualTo("kept\n");
    }

    @Test
    void verifyNamesTheBrokenLineAndExitsWithOne() throws Exception {
        EventChain chain = new EventChain();
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new java.util.ArrayList<>();
        lines.add(chain.next(EventChain.EXPORT, json.createObjectNode()));
        lines.add(chain.next("event", (ObjectNode) json.readTree("{\"event\":{\"type\":\"LOGIN\"}}")));
        lines.add(chain.next("event", (ObjectNode) json.readTree("{\"event\":{\"type\":\"LOGIN_ERROR\"}}")));
        lines.add(chain.end());
        Path file = Files.write(folder.resolve("export.jsonl"), lines);

        assertThat(run(Map.of(), "events", "verify", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("4 lines, the chain is whole")
                .contains(chain.lastHash());
        assertThat(run(Map.of(), "events", "verify", file.toString(), "--last-hash", chain.lastHash())).isZero();
        assertThat(run(Map.of(), "events", "verify", file.toString(), "--last-hash", "0".repeat(64))).isEqualTo(1);
        assertThat(error()).contains("is not the one given");

        Files.write(file, List.of(lines.get(0), lines.get(2), lines.get(1), lines.get(3)));
        assertThat(run(Map.of(), "events", "verify", file.toString())).isEqualTo(1);
        assertThat(error()).contains("line 2 carries sequence number 3");
        assertThat(run(Map.of(), "events", "verify", folder.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(error()).contains("cannot read");
    }
}
