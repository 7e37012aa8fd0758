package org.pscfederator.ecps.simulator;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.pscfederator.cli.ToolRun;

/** The command line alone: every case here is refused before any server is asked. */
class SimulatorCommandTest {

    private ToolRun last;

    private int run(String... args) {
        last = ToolRun.of((out, err) -> SimulatorCommand.run(args, out, err));
        return last.code();
    }


    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(last.out()).startsWith("usage: psc-ecps-sim").contains("serve --idnat");
        assertThat(run("approve", "-h")).isZero();
        assertThat(last.out()).startsWith("usage: psc-ecps-sim");
    }

    @Test
    void aBadOptionIsOneLineAndExitsTwo() {
        assertThat(run("wait", "--idnat", "899700366240", "--colour", "red")).isEqualTo(2);
        assertThat(last.err()).isEqualTo("psc-ecps-sim: error: unknown option --colour (see psc-ecps-sim wait --help)\n");
    }

    @Test
    void aMissingValueOrOptionIsOneLineAndExitsTwo() {
        assertThat(run("approve", "--idnat", "899700366240", "--pin")).isEqualTo(2);
        assertThat(last.err()).isEqualTo("psc-ecps-sim: error: --pin needs a value\n");
        assertThat(run("devices")).isEqualTo(2);
        assertThat(last.err()).isEqualTo("psc-ecps-sim: error: --idnat is required\n");
        assertThat(run("activate", "--idnat", "899700366240")).isEqualTo(2);
        assertThat(last.err()).isEqualTo("psc-ecps-sim: error: activate needs --code CODE or --contact\n");
        assertThat(run("wait", "--idnat", "899700366240", "--timeout", "soon")).isEqualTo(2);
        assertThat(last.err()).startsWith("psc-ecps-sim: error: --timeout: ").hasLineCount(1);
    }

    @Test
    void withoutACommandNothingRuns() {
        assertThat(run()).isEqualTo(2);
        assertThat(last.err()).startsWith("psc-ecps-sim: error: no command given (commands: activate, wait");
        assertThat(run("pair", "--idnat", "1")).isEqualTo(2);
        assertThat(last.err()).startsWith("psc-ecps-sim: error: unknown command pair");
    }
}
