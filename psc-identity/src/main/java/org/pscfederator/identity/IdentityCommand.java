package org.pscfederator.identity;

import java.io.PrintStream;
import java.util.Map;

import org.pscfederator.cli.AdminPassword;
import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.ToolRunner;
import org.pscfederator.cli.UsageText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/psc-identity}: test professionals for the sandbox, each with a card and a simulated e-CPS device, added
 * beside the sandbox's directory and removed again. Results on stdout; errors one line on stderr
 * ({@code psc-identity: error: ...}), never a stack trace, a secret or a token. Exit codes: 0 done, 1 refused or
 * failed (nothing changed), 2 bad command line.
 */
@Command(name = "psc-identity", subcommands = {CreateCommand.class, ListCommand.class, RemoveCommand.class,
        CommandLine.HelpCommand.class})
public final class IdentityCommand implements UsageText {

    static final String HELP = """
            usage: psc-identity COMMAND [options]
              Test professionals for the sandbox, as ANS's EDIT tool gives them to vendors: a professional of the
              profession and situation asked for, added beside the sandbox's directory (nothing else in it changes),
              with a CPS card and an enrolled simulated e-CPS device (PIN 1234). Sandbox realms only.

            commands:
              create --profession CODE [--category C] [--mode L|S|B] [--sector SAnn]
                     [--structure ID] [--structure-name NAME] [--first-name NAME] [--last-name NAME]
                                       create one: a fresh idNat (8 + 9998..., an RPPS number with its key), one
                                       activity with these codes of ANS's nomenclatures (profession TRE-G15, category
                                       TRE-R09, default C; mode TRE-R23, default L; sector TRE-R02, default SA07, SA01
                                       for mode S), a card in DIR/pki/cards/IDNAT.p12 and a device in
                                       DIR/ecps/devices/IDNAT.json; prints the idNat and how to log in
              list                     the test professionals created with this tool, still in the directory
              remove IDNAT             remove one created with this tool: from the directory, its card files and its
                                       device; an imported professional (the sandbox's own identities) is refused

            %s
            Exit code: 0 done; 1 refused or failed (nothing changed); 2 bad command line.
            """.formatted(IdentityOptions.HELP);

    @Mixin
    HelpOption help;
    final PrintStream out;
    final PrintStream err;
    private final Map<String, String> environment;

    IdentityCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new IdentityCommand(System.out, System.err, System.getenv()).run(args));
    }

    int run(String[] args) {
        return ToolRunner.run(this, out, err, args);
    }

    @Override
    public String usageText() {
        return HELP;
    }

    /** From PSC_ADMIN_PASSWORD, or typed on a terminal; null when there is none. */
    char[] adminPassword(String adminUser) {
        return AdminPassword.read(environment, adminUser);
    }
}
