package org.pscfederator.cli;

import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * A command that failed while working: one line {@code <tool>: error: <reason>} on stderr, never a stack trace, exit
 * code 1 unless the tool maps the exception to another. A value the command refuses once parsed (a file that is not a
 * certificate, two options that exclude each other) is a usage error like any other: exit code 2.
 */
final class Failures implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception thrown, CommandLine command, ParseResult parsed) throws Exception {
        // picocli hands its own exceptions over still wrapped.
        Exception e = thrown instanceof ExecutionException && thrown.getCause() instanceof Exception cause ? cause
                : thrown;
        if (e instanceof ParameterException refused) {
            return command.getParameterExceptionHandler().handleParseException(refused, arguments(parsed));
        }
        if (e instanceof TypeConversionException refused) {
            return command.getParameterExceptionHandler().handleParseException(
                    new ParameterException(command, refused.getMessage(), refused), arguments(parsed));
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String tool = command.getCommandSpec().root().name();
        command.getErr().println(tool + ": error: " + describe(e));
        command.getErr().flush();
        IExitCodeExceptionMapper exitCodes = command.getExitCodeExceptionMapper();
        return exitCodes != null ? exitCodes.getExitCode(e) : CommandLine.ExitCode.SOFTWARE;
    }

    private static String[] arguments(ParseResult parsed) {
        return parsed == null ? new String[0] : parsed.originalArgs().toArray(String[]::new);
    }

    /** The JDK's own runtime exceptions are bugs, not refusals: they are named as such. */
    private static String describe(Exception e) {
        if (e instanceof InterruptedException) {
            return "interrupted";
        }
        boolean unexpected = e instanceof RuntimeException && e.getClass().getName().startsWith("java.");
        return unexpected ? "unexpected failure: " + e.getClass().getSimpleName() + ": " + OneLine.of(e)
                : OneLine.of(e);
    }
}
