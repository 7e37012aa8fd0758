package org.pscfederator.ecps.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The command line alone: every case here is refused before any server is asked. */
class SimulatorCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return SimulatorCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: psc-ecps-sim").contains("serve --idnat");
        assertThat(run("approve", "-h")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: psc-ecps-sim");
    }

    @Test
    void aBadOptionIsOneLineAndExitsTwo() {
        assertThat(run("wait", "--idnat", "899700366240", "--colour", "red")).isEqualTo(2);
        assertThat(errors()).isEqualTo("psc-ecps-sim: error: unknown option --colour (see psc-ecps-sim wait --help)\n");
    }

    @Test
    void aMissingValueOrOptionIsOneLineAndExitsTwo() {
        assertThat(run("approve", "--idnat", "899700366240", "--pin")).isEqualTo(2);
        assertThat(errors()).isEqualTo("psc-ecps-sim: error: --pin needs a value\n");
        assertThat(run("devices")).isEqualTo(2);
        assertThat(errors()).isEqualTo("psc-ecps-sim: error: --idnat is required\n");
        assertThat(run("activate", "--idnat", "899700366240")).isEqualTo(2);
        assertThat(errors()).isEqualTo("psc-ecps-sim: error: activate needs --code CODE or --contact\n");
        assertThat(run("wait", "--idnat", "899700366240", "--timeout", "soon")).isEqualTo(2);
        assertThat(errors()).startsWith("psc-ecps-sim: error: --timeout: ").hasLineCount(1);
    }

    @Test
    void withoutACommandNothingRuns() {
        assertThat(run()).isEqualTo(2);
        assertThat(errors()).startsWith("psc-ecps-sim: error: no command given (commands: activate, wait");
        assertThat(run("pair", "--idnat", "1")).isEqualTo(2);
        assertThat(errors()).startsWith("psc-ecps-sim: error: unknown command pair");
    }
}
