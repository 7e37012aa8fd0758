package org.pscfederator.realmconfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code realm-config assemble sandbox|production --card-trust-anchors PEM --client-trust-anchors PEM
 * --card-policy OID --client-policy OID --card-crls LOCATIONS --client-crls LOCATIONS --out FILE}: writes the realm
 * file an operator imports or applies (docs/realm-config.md).
 */
public final class RealmCommand {

    static final String USAGE = "usage: realm-config assemble sandbox|production "
            + "--card-trust-anchors PEM --client-trust-anchors PEM --card-policy OID --client-policy OID "
            + "--card-crls LOCATIONS --client-crls LOCATIONS --out FILE";

    private RealmCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                out.println(USAGE);
                return 0;
            }
            if (args.length < 2 || !args[0].equals("assemble")) {
                throw new RealmConfigException(USAGE);
            }
            RealmVariant variant = RealmVariant.parse(args[1]);
            Path card = null;
            Path client = null;
            Path output = null;
            String cardPolicy = null;
            String clientPolicy = null;
            String cardCrls = null;
            String clientCrls = null;
            for (int i = 2; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new RealmConfigException("option " + args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--card-trust-anchors" -> card = Path.of(value);
                    case "--client-trust-anchors" -> client = Path.of(value);
                    case "--card-policy" -> cardPolicy = value;
                    case "--client-policy" -> clientPolicy = value;
                    case "--card-crls" -> cardCrls = value;
                    case "--client-crls" -> clientCrls = value;
                    case "--out" -> output = Path.of(value);
                    default -> throw new RealmConfigException("unknown option " + args[i]);
                }
            }
            if (card == null || client == null || output == null || cardPolicy == null || clientPolicy == null
                    || cardCrls == null || clientCrls == null) {
                throw new RealmConfigException(USAGE);
            }
            String realm = new RealmAssembler().assembleAsString(variant, TrustMaterial.fromFiles(card, client,
                    cardPolicy, clientPolicy, cardCrls, clientCrls));
            Files.writeString(output, realm, StandardCharsets.UTF_8);
            out.println("wrote " + variant.name().toLowerCase() + " realm " + RealmAssembler.REALM_NAME + " to " + output);
            return 0;
        } catch (RealmConfigException e) {
            err.println("realm-config: error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("realm-config: error: cannot write: " + e.getMessage());
            return 1;
        }
    }
}
