package org.pscfederator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

class ToolRunnerTest {

    @Command(name = "tool", subcommands = Tool.Copy.class)
    static final class Tool implements UsageText {
        @Mixin
        HelpOption help;

        @Override
        public String usageText() {
            return "usage: tool copy FILE --to DIR\n";
        }

        @Command(name = "copy")
        static final class Copy implements Callable<Integer> {
            @Mixin
            HelpOption help;
            @Parameters(paramLabel = "FILE")
            String file;
            @Option(names = "--to", required = true)
            String to;
            @Option(names = "--times")
            int times = 1;
            @Option(names = "--verbose")
            boolean verbose;

            @Override
            public Integer call() throws IOException {
                if (to.equals("nowhere")) {
                    throw new TypeConversionException("--to: nowhere is not a folder");
                }
                if (to.equals("full")) {
                    throw new IOException("no space left on /full");
                }
                if (to.equals("bug")) {
                    throw new IllegalStateException("a bug");
                }
                return 0;
            }
        }
    }

    private ToolRun last;

    private int run(String... args) {
        last = ToolRun.of((out, err) -> ToolRunner.run(new Tool(), out, err, args));
        return last.code();
    }

    private String errors() {
        return last.err();
    }

    @Test
    void helpPrintsTheHandWrittenUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(last.out()).isEqualTo("usage: tool copy FILE --to DIR\n");
        assertThat(run("-h")).isZero();
        assertThat(run("copy", "-h")).isZero();
        assertThat(errors()).isEmpty();
    }

    @Test
    void badCommandLinesAreOneLineAndExitTwo() {
        assertThat(run("copy", "a", "--to", "b", "--colour")).isEqualTo(2);
        assertThat(errors()).isEqualTo("tool: error: unknown option --colour (see tool copy --help)\n");
        assertThat(run("copy", "a", "--colour")).isEqualTo(2);
        assertThat(errors()).isEqualTo("tool: error: unknown option --colour (see tool copy --help)\n");
        assertThat(run("copy", "a", "--to")).isEqualTo(2);
        assertThat(errors()).isEqualTo("tool: error: --to needs a value\n");
        assertThat(run("copy", "a", "--to", "--verbose")).isEqualTo(2);
        assertThat(errors()).isEqualTo("tool: error: --to needs a value\n");
        assertThat(run("copy", "a")).isEqualTo(2);
        assertThat(errors()).isEqualTo("tool: error: --to is required\n");
        assertThat(run("copy", "a", "--to", "b", "--to", "c")).isEqualTo(2);
        assertThat(errors()).isEqualTo("tool: error: --to is given twice; give it once\n");
        assertThat(run("copy", "a", "b", "--to", "c")).isEqualTo(2);
        assertThat(errors()).isEqualTo("tool: error: unexpected argument b (see tool copy --help)\n");
        assertThat(run("copy", "a", "--to", "b", "--times", "x")).isEqualTo(2);
        assertThat(errors()).startsWith("tool: error: --times: ").hasLineCount(1);
        assertThat(run("move")).isEqualTo(2);
        assertThat(errors()).isEqualTo("tool: error: unknown command move (commands: copy) (see tool --help)\n");
        assertThat(run()).isEqualTo(2);
        assertThat(errors()).isEqualTo("tool: error: no command given (commands: copy; see tool --help)\n");
    }

    @Test
    void aValueRefusedOnceParsedIsAUsageError() {
        assertThat(run("copy", "a", "--to", "nowhere")).isEqualTo(2);
        assertThat(errors()).isEqualTo("tool: error: --to: nowhere is not a folder\n");
    }

    @Test
    void aFailureIsOneLineAndExitsOne() {
        assertThat(run("copy", "a", "--to", "full")).isEqualTo(1);
        assertThat(errors()).isEqualTo("tool: error: no space left on /full\n");
        assertThat(run("copy", "a", "--to", "bug")).isEqualTo(1);
        assertThat(errors()).isEqualTo("tool: error: unexpected failure: IllegalStateException: a bug\n");
    }

    @Test
    void aToolMayGiveAFailureAnotherExitCode() {
        ToolRun run = ToolRun.of((out, err) -> ToolRunner.run(new Tool(), e -> 3, out, err, "copy", "a", "--to",
                "full"));

        assertThat(run.code()).isEqualTo(3);
    }

    @Test
    void successExitsZero() {
        assertThat(run("copy", "a", "--to", "b", "--times", "2", "--verbose")).isZero();
        assertThat(errors()).isEmpty();
    }
}
