package org.pscfederator.realmconfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * --card-policy OID --client-policy OID --card-crls LOCATIONS --client-crls LOCATIONS --out FILE [--public-url URL]}:
 * writes the realm file an operator imports or applies, and the variant's companion realms beside it (the sandbox's
 * demonstration hospital, {@code hopital-demo.json}) (docs/realm-config.md).
 */
@Command(name = "realm-config", subcommands = {RealmCommand.Assemble.class, CommandLine.HelpCommand.class})
public final class RealmCommand implements UsageText {

    static final String USAGE = "usage: realm-config assemble sandbox|production "
            + "--card-trust-anchors PEM --client-trust-anchors PEM --card-policy OID --client-policy OID "
            + "--card-crls LOCATIONS --client-crls LOCATIONS --out FILE [--public-url URL]\n";

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
        /** Where the sandbox's realms say the server is (its hospital's identity provider); none in production. */
        @Option(names = "--public-url")
        String publicUrl;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public String usageText() {
            return USAGE;
        }

        @Override
        public Integer call() throws IOException {
            RealmVariant parsed = RealmVariant.parse(variant);
            ServerUrls urls = publicUrl == null ? ServerUrls.SANDBOX_DEFAULT : new ServerUrls(publicUrl, publicUrl);
            RealmAssembler assembler = new RealmAssembler();
            String realm = assembler.assembleAsString(parsed, TrustMaterial.fromFiles(card, client,
                    cardPolicy, clientPolicy, cardCrls, clientCrls), urls);
            write(output, realm, parsed, RealmAssembler.REALM_NAME);
            for (Map.Entry<String, ObjectNode> companion : assembler.companions(parsed, urls).entrySet()) {
                Path file = output.toAbsolutePath().resolveSibling(companion.getKey() + ".json");
                write(file, assembler.write(companion.getValue()), parsed, companion.getKey());
            }
            return 0;
        }

        private void write(Path file, String realm, RealmVariant parsed, String name) throws IOException {
            try {
                Files.writeString(file, realm, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IOException("cannot write: " + e.getMessage(), e);
            }
            spec.commandLine().getOut().println("wrote " + parsed.name().toLowerCase(Locale.ROOT) + " realm "
                    + name + " to " + file);
        }
    }
}
