package org.pscfederator.admin;

import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.UsageText;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** A group of commands under the tool ({@code client}, {@code events}, {@code device}, ...): help, and the root. */
abstract class CommandGroup implements UsageText {

    @Mixin
    HelpOption help;
    @ParentCommand
    AdminCommand root;

    @Override
    public String usageText() {
        return AdminCommand.HELP;
    }
}
