package org.pscfederator.directorycli;

import java.io.PrintStream;

import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.ToolRunner;
import org.pscfederator.cli.UsageText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/psc-directory}: imports a national or staff file into the federator's directory, and writes synthetic
 * national-size files for the benchmark.
 */
@Command(name = "psc-directory", subcommands = {ImportCommand.class, GenerateCommand.class,
        CommandLine.HelpCommand.class})
public final class DirectoryCommand implements UsageText {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String HELP = """
            usage: psc-directory COMMAND ...
              import FILE [options]   replace the national (or staff) directory with FILE; import --help for the options
              generate FILE [--professionals N] [--lines M] [--seed S]
                                      write a synthetic national file (default 1,200,000 professionals, 2,000,000 lines)
            """;

    @Mixin
    HelpOption help;
    final PrintStream out;
    final PrintStream err;

    DirectoryCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new DirectoryCommand(System.out, System.err).run(args));
    }

    int run(String[] args) {
        return ToolRunner.run(this, out, err, args);
    }

    @Override
    public String usageText() {
        return HELP;
    }
}
