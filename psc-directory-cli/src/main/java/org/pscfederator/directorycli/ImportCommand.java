package org.pscfederator.directorycli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.pscfederator.cli.AdminPassword;
import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.UsageText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code psc-directory import FILE [options]}: exit code 0 when the file is now the directory, 1 when refused. */
@Command(name = "import")
final class ImportCommand implements Callable<Integer>, UsageText {

    @Mixin
    HelpOption help;
    @Mixin
    ImportOptions.Given given;
    @ParentCommand
    DirectoryCommand root;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public String usageText() {
        return ImportOptions.HELP;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ImportOptions options = ImportOptions.from(given);
        Output output = new Output(root.out, root.err, options.quiet());
        ImportResult result = options.direct() ? new DatabaseImport(options, output).run()
                : new ServerImport(options, output, adminPassword(options)).run();
        result.print(root.out, options.json());
        return result.activated() ? DirectoryCommand.OK : DirectoryCommand.FAILED;
    }

    private char[] adminPassword(ImportOptions options) {
        char[] password = AdminPassword.read(System.getenv(), options.adminUser());
        if (password == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), AdminPassword.NEEDED);
        }
        return password;
    }
}
