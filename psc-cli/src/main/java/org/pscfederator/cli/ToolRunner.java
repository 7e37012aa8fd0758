package org.pscfederator.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/**
 * Runs a tool's picocli command with the conventions every tool of the project keeps: {@code -h}/{@code --help}
 * prints the usage and exits 0; a bad command line is one line {@code <tool>: error: ...} on stderr and exit code 2;
 * a failure while working is one line and exit code 1 (or what the tool maps it to); success exits 0.
 */
public final class ToolRunner {

    private ToolRunner() {
    }

    public static int run(Object command, PrintStream out, PrintStream err, String... args) {
        return run(command, null, out, err, args);
    }

    /** With {@code exitCodes} telling the exit code of the failures that are not 1. */
    public static int run(Object command, IExitCodeExceptionMapper exitCodes, PrintStream out, PrintStream err,
            String... args) {
        CommandLine line = commandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setParameterExceptionHandler(new UsageErrors());
        line.setExecutionExceptionHandler(new Failures());
        if (exitCodes != null) {
            line.setExitCodeExceptionMapper(exitCodes);
        }
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The command tree as every tool parses it, the hand-written usage texts in place of generated ones. */
    public static CommandLine commandLine(Object command) {
        CommandLine line = new CommandLine(command);
        handUsage(line);
        return line;
    }

    /**
     * Fills {@code command}'s options from {@code args} without running it, for a tool's options used as an API.
     *
     * @throws ParameterException worded as the tool would say it
     */
    public static <T> T populate(T command, String... args) {
        try {
            commandLine(command).parseArgs(args);
            return command;
        } catch (ParameterException e) {
            throw new ParameterException(e.getCommandLine(), UsageMessage.of(e), e);
        }
    }

    private static void handUsage(CommandLine line) {
        if (line.getCommand() instanceof UsageText text) {
            line.setHelpSectionKeys(java.util.List.of(UsageText.class.getName()));
            line.getHelpSectionMap().put(UsageText.class.getName(), help -> text.usageText());
        }
        line.getSubcommands().values().forEach(ToolRunner::handUsage);
    }
}
