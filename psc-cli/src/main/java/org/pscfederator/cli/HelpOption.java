package org.pscfederator.cli;

import picocli.CommandLine.Option;

/** {@code -h} and {@code --help}, mixed into every command: print the usage and exit 0, whatever else is given. */
public final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
    private boolean requested;

    public boolean requested() {
        return requested;
    }
}
