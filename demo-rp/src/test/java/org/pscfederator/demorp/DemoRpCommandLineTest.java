package org.pscfederator.demorp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pscfederator.cli.ToolRun;

/** The command line alone: each case is refused before the demo reads a file or asks PSC. */
class DemoRpCommandLineTest {

    private ToolRun last;

    private int run(String... args) {
        last = ToolRun.of((out, err) -> DemoRp.run(args, Map.of(), out, err));
        return last.code();
    }


    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(last.out()).startsWith("usage: psc-demo-rp").contains("--client-secret");
        assertThat(run("-h")).isZero();
        assertThat(run("help")).isZero();
        assertThat(last.err()).isEmpty();
    }

    @Test
    void badOptionsAndValuesAreOneLineAndExitTwo() {
        assertThat(run("--bogus", "1")).isEqualTo(2);
        assertThat(last.err()).isEqualTo("psc-demo-rp: error: unknown option --bogus (see psc-demo-rp --help)\n");
        assertThat(run("--port")).isEqualTo(2);
        assertThat(last.err()).isEqualTo("psc-demo-rp: error: --port needs a value\n");
        assertThat(run("--port", "x")).isEqualTo(2);
        assertThat(last.err()).isEqualTo("psc-demo-rp: error: --port: not a port: x\n");
        assertThat(run("--cert", "/nonexistent.p12")).isEqualTo(2);
        assertThat(last.err()).startsWith("psc-demo-rp: error: --cert: cannot read /nonexistent.p12").hasLineCount(1);
        assertThat(run("--client-id", "a/b")).isEqualTo(2);
        assertThat(last.err()).isEqualTo("psc-demo-rp: error: --client-id: not a client id: a/b\n");
    }
}
