package org.pscfederator.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** A command line that cannot be run: one line {@code <tool>: error: <what to change>} on stderr, exit code 2. */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String tool = command.getCommandSpec().root().name();
        command.getErr().println(tool + ": error: " + UsageMessage.of(e).replaceAll("\\s+", " "));
        command.getErr().flush();
        return CommandLine.ExitCode.USAGE;
    }
}
