package org.pscfederator.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What a refused command line says, in the tools' own words ({@code --x needs a value}, {@code unknown option --x},
 * {@code --x is required}) rather than picocli's, so that every tool words the same mistake the same way.
 */
final class UsageMessage {

    private static final Pattern EXPECTED_VALUE = Pattern.compile("Expected parameter for option '([^']+)'");
    private static final String CONVERTER_FAILURE = "Invalid value for ";

    private UsageMessage() {
    }

    static String of(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched) {
            return unmatched(unmatched);
        }
        if (e instanceof MissingParameterException missing) {
            return missing(missing);
        }
        if (e instanceof OverwrittenOptionException overwritten) {
            return name(overwritten.getOverwritten()) + " is given twice; give it once";
        }
        if (e.getMessage().startsWith("Missing required subcommand")) {
            return noCommand(e.getCommandLine());
        }
        if (e.getCause() instanceof TypeConversionException refused) {
            // A setter's refusal is a whole sentence; picocli's own converters only speak of the value.
            return e.getMessage().startsWith(CONVERTER_FAILURE) && e.getArgSpec() != null
                    ? name(e.getArgSpec()) + ": " + refused.getMessage()
                    : refused.getMessage();
        }
        return e.getMessage();
    }

    private static String unmatched(UnmatchedArgumentException e) {
        Matcher expected = EXPECTED_VALUE.matcher(e.getMessage());
        if (expected.find()) {
            return expected.group(1) + " needs a value";
        }
        return unknown(e.getCommandLine(), e.getUnmatched());
    }

    private static String unknown(CommandLine command, List<String> arguments) {
        String argument = arguments.isEmpty() ? "" : arguments.get(0);
        String what;
        if (argument.startsWith("-")) {
            int equals = argument.indexOf('=');
            what = "unknown option " + (equals > 0 ? argument.substring(0, equals) : argument);
        } else if (!command.getSubcommands().isEmpty()) {
            what = "unknown command " + argument + " (commands: " + commands(command) + ")";
        } else {
            what = "unexpected argument " + argument;
        }
        return what + " (see " + command.getCommandSpec().qualifiedName() + " --help)";
    }

    private static String missing(MissingParameterException e) {
        CommandLine command = e.getCommandLine();
        if (!command.getUnmatchedArguments().isEmpty()) {
            // picocli checks the required options first; a misspelt option is the likelier mistake to name.
            return unknown(command, command.getUnmatchedArguments());
        }
        if (e.getMissing() == null || e.getMissing().isEmpty()) {
            return noCommand(command);
        }
        ArgSpec first = e.getMissing().get(0);
        boolean valueMissing = first.isOption() && !e.getMessage().startsWith("Missing required option");
        return name(first) + (valueMissing ? " needs a value" : " is required");
    }

    private static String noCommand(CommandLine command) {
        return "no command given (commands: " + commands(command) + "; see "
                + command.getCommandSpec().qualifiedName() + " --help)";
    }

    private static String commands(CommandLine command) {
        return String.join(", ", command.getSubcommands().keySet().stream().filter(name -> !name.equals("help"))
                .toList());
    }

    private static String name(ArgSpec spec) {
        if (spec instanceof OptionSpec option) {
            return option.longestName();
        }
        return ((PositionalParamSpec) spec).paramLabel();
    }
}
