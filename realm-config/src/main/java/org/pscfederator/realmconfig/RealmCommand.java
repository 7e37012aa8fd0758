package org.pscfederator.realmconfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.ToolRunner;
import org.pscfederator.cli.UsageText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code realm-config assemble sandbox|production --card-trust-anchors PEM --client-trust-anchors PEM
 * --card-policy OID --client-policy OID --card-crls LOCATIONS --client-crls LOCATIONS --out FILE}: writes the realm
 * file an operator imports or applies (docs/realm-config.md).
 */
@Command(name = "realm-config", subcommands = {RealmCommand.Assemble.class, CommandLine.HelpCommand.class})
public final class RealmCommand implements UsageText {

    static final String USAGE = "usage: realm-config assemble sandbox|production "
            + "--card-trust-anchors PEM --client-trust-anchors PEM --card-policy OID --client-policy OID "
            + "--card-crls LOCATIONS --client-crls LOCATIONS --out FILE\n";

    @Mixin
    HelpOption help;

    @Override
    public String usageText() {
        return USAGE;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** 0 written; 2 a bad command line or trust material that cannot make a realm; 1 the file cannot be written. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return ToolRunner.run(new RealmCommand(), e -> e instanceof RealmConfigException ? 2 : 1, out, err, args);
    }

    @Command(name = "assemble")
    static final class Assemble implements Callable<Integer>, UsageText {

        @Mixin
        HelpOption help;
        @Parameters(paramLabel = "sandbox|production")
        String variant;
        @Option(names = "--card-trust-anchors", required = true)
        Path card;
        @Option(names = "--client-trust-anchors", required = true)
        Path client;
        @Option(names = "--card-policy", required = true)
        String cardPolicy;
        @Option(names = "--client-policy", required = true)
        String clientPolicy;
        @Option(names = "--card-crls", required = true)
        String cardCrls;
        @Option(names = "--client-crls", required = true)
        String clientCrls;
        @Option(names = "--out", required = true)
        Path output;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public String usageText() {
            return USAGE;
        }

        @Override
        public Integer call() throws IOException {
            RealmVariant parsed = RealmVariant.parse(variant);
            String realm = new RealmAssembler().assembleAsString(parsed, TrustMaterial.fromFiles(card, client,
                    cardPolicy, clientPolicy, cardCrls, clientCrls));
            try {
                Files.writeString(output, realm, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IOException("cannot write: " + e.getMessage(), e);
            }
            spec.commandLine().getOut().println("wrote " + parsed.name().toLowerCase(Locale.ROOT) + " realm "
                    + RealmAssembler.REALM_NAME + " to " + output);
            return 0;
        }
    }
}
