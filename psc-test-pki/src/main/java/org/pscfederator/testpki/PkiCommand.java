package org.pscfederator.testpki;

import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.ToolRunner;
import org.pscfederator.cli.UsageText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/**
 * {@code bin/psc-pki}: manages the sandbox test PKI from a shell. Each command prints one line saying what it wrote.
 * Errors are one line {@code psc-pki: error: <reason>} on stderr, exit code 2 for bad input (including a missing
 * PKI or an unwritable directory) and 1 for failures while working; never a stack trace. Anything unknown on the
 * command line is refused rather than ignored, so a typo never issues a certificate the user did not ask for.
 */
@Command(name = "psc-pki", subcommands = {PkiCommand.Init.class, PkiCommand.Server.class, PkiCommand.Card.class,
        PkiCommand.Client.class, PkiCommand.Revoke.class, PkiCommand.Crl.class, CommandLine.HelpCommand.class})
public final class PkiCommand implements UsageText {

    static final Path DEFAULT_PKI_DIR = Path.of("sandbox-data", "pki");
    static final String USAGE = """
            usage: psc-pki [--pki-dir DIR] COMMAND [OPTIONS]
              Sandbox test PKI shaped like IGC-Santé. For the sandbox only: never trust these keys in production.
              Every PKCS#12 password is 1234. DIR defaults to sandbox-data/pki (relative to the current directory).

            commands:
              init                                      create the root, persons and organisations CAs and their CRLs
                                                        (keeps an existing PKI)
              server [--dns NAME]... [--ip ADDR]...     issue the TLS server certificate to DIR/server/
                                                        (default: localhost, 127.0.0.1, ::1)
              card --idnat ID [--given-name X] [--family-name Y] [--days N]
                   [--expired | --not-yet-valid] [--revoked]
                                                        issue a card authentication certificate to DIR/cards/ID.p12
                   [--without-policy | --lookalike]     or, to test refusals, one without the card policy
                                                        (ID-without-policy.p12), or a forgery under the persons CA's
                                                        name signed by another key (ID-lookalike.p12)
              client --client-id ID [--organisation NAME] [--structure-id ID] [--days N]
                     [--expired | --not-yet-valid] [--revoked]
                                                        issue an ORG AUTH_CLI certificate to DIR/clients/ID.p12
              revoke (--serial HEX | --file PATH.p12 | --file PATH.crt.pem)
                                                        revoke a certificate and sign its CA's CRL again
              crl [--next-update-days N]                sign the three CRLs again (default: next update in 7 days)

            examples:
              psc-pki init
              psc-pki card --idnat 899700366240 --given-name KIT --family-name DOC0036624
              psc-pki card --idnat 899700218896 --revoked
              psc-pki client --client-id my-service --organisation "CABINET M DOC0036624" --structure-id R95141
              psc-pki revoke --file sandbox-data/pki/cards/899700366240.p12
            """;

    @Mixin
    HelpOption help;
    /** Before or after the command, as the user likes. */
    @Option(names = "--pki-dir", scope = ScopeType.INHERIT, paramLabel = "DIR")
    Path pkiDir = DEFAULT_PKI_DIR;

    @Override
    public String usageText() {
        return USAGE;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line; returns the exit code (0 done, 1 failure, 2 bad input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return ToolRunner.run(new PkiCommand(), e -> e instanceof PkiException pki && pki.isBadInput() ? 2 : 1,
                out, err, args);
    }

    /** What every command shares: the PKI folder, the usage, and the one line it prints once done. */
    abstract static class PkiSubcommand implements Callable<Integer>, UsageText {
        @Mixin
        HelpOption help;
        @ParentCommand
        PkiCommand root;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public String usageText() {
            return USAGE;
        }

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(execute(root.pkiDir));
            return 0;
        }

        abstract String execute(Path dir);
    }

    /** The options of the commands that issue a certificate with a chosen validity. */
    static final class ValidityOptions {
        @Option(names = "--days")
        String days;
        @Option(names = "--expired")
        boolean expired;
        @Option(names = "--not-yet-valid")
        boolean notYetValid;
        @Option(names = "--revoked")
        boolean revoked;

        Validity validity() {
            if (expired && notYetValid) {
                throw PkiException.badInput("--expired and --not-yet-valid cannot be used together");
            }
            return expired ? Validity.EXPIRED : notYetValid ? Validity.NOT_YET_VALID : Validity.NORMAL;
        }
    }

    @Command(name = "init")
    static final class Init extends PkiSubcommand {
        @Override
        String execute(Path dir) {
            boolean existed = Files.isDirectory(dir.resolve("ca"));
            TestPki pki = TestPki.createOrOpen(dir);
            Path ca = pki.caBundle().getParent();
            return existed
                    ? "kept the existing test PKI in " + ca + " (nothing created)"
                    : "wrote " + ca + ": root, persons and organisations CAs (root "
                            + subject(pki.caCertificate(CaRole.ROOT)) + "), their CRLs, ca-bundle.pem, truststore.p12";
        }
    }

    @Command(name = "server")
    static final class Server extends PkiSubcommand {
        @Option(names = "--dns")
        List<String> dns = List.of();
        @Option(names = "--ip")
        List<String> ip = List.of();

        @Override
        String execute(Path dir) {
            IssuedCertificate issued = TestPki.open(dir).issueServer(dns, ip);
            return "wrote " + issued.keystore() + ", server.crt.pem, server.key.pem: serial " + issued.serialHex()
                    + ", subject " + subject(issued.certificate()) + ", names "
                    + subjectAltNames(issued.certificate());
        }
    }

    @Command(name = "card")
    static final class Card extends PkiSubcommand {
        @Option(names = "--idnat", required = true)
        String idNat;
        @Option(names = "--given-name")
        String givenName;
        @Option(names = "--family-name")
        String familyName;
        @Mixin
        ValidityOptions validity;
        @Option(names = "--without-policy")
        boolean withoutPolicy;
        @Option(names = "--lookalike")
        boolean lookalike;

        @Override
        String execute(Path dir) {
            CardRequest request = CardRequest.of(idNat).withNames(givenName, familyName)
                    .withValidityDays(number("--days", validity.days, 1, 36500, SandboxProfile.CARD_DAYS))
                    .withValidity(validity.validity())
                    .withRevoked(validity.revoked);
            if (withoutPolicy && lookalike || (withoutPolicy || lookalike) && request.revoked()) {
                throw PkiException.badInput("--without-policy, --lookalike and --revoked cannot be used together");
            }
            TestPki pki = TestPki.open(dir);
            if (withoutPolicy) {
                return describe(pki.issueCardWithoutPolicy(request), " (without the card policy)");
            }
            if (lookalike) {
                return describe(pki.issueLookalikeCard(request), " (lookalike: not issued by this PKI)");
            }
            return describe(pki.issueCard(request), states(request.validity(), request.revoked()));
        }
    }

    @Command(name = "client")
    static final class Client extends PkiSubcommand {
        @Option(names = "--client-id", required = true)
        String clientId;
        @Option(names = "--organisation")
        String organisation;
        @Option(names = "--structure-id")
        String structureId;
        @Mixin
        ValidityOptions validity;

        @Override
        String execute(Path dir) {
            ClientRequest request = ClientRequest.of(clientId).withOrganisation(organisation, structureId)
                    .withValidityDays(number("--days", validity.days, 1, 36500, SandboxProfile.CLIENT_DAYS))
                    .withValidity(validity.validity())
                    .withRevoked(validity.revoked);
            return describe(TestPki.open(dir).issueClient(request), states(request.validity(), request.revoked()));
        }
    }

    @Command(name = "revoke")
    static final class Revoke extends PkiSubcommand {
        @Option(names = "--serial")
        String serialText;
        @Option(names = "--file")
        String file;

        @Override
        String execute(Path dir) {
            if ((serialText == null) == (file == null)) {
                throw PkiException.badInput("revoke needs exactly one of --serial HEX or --file PATH");
            }
            BigInteger serial = file == null ? parseSerial(serialText) : null;
            TestPki pki = TestPki.open(dir);
            boolean already;
            if (file != null) {
                X509Certificate certificate = CertificateFile.read(Path.of(file));
                already = pki.isRevoked(certificate.getSerialNumber());
                serial = pki.revoke(certificate);
            } else {
                already = pki.isRevoked(serial);
                pki.revoke(serial);
            }
            CaRole issuer = pki.issuerOf(serial);
            return already
                    ? "serial " + PkiState.hex(serial) + " was already revoked; " + pki.crlFile(issuer) + " unchanged"
                    : "revoked serial " + PkiState.hex(serial) + " (issued by the " + issuer.label() + "); wrote "
                            + pki.crlFile(issuer);
        }
    }

    @Command(name = "crl")
    static final class Crl extends PkiSubcommand {
        @Option(names = "--next-update-days")
        String nextUpdateDays;

        @Override
        String execute(Path dir) {
            int days = number("--next-update-days", nextUpdateDays, 1, 3650,
                    (int) SandboxProfile.CRL_NEXT_UPDATE.toDays());
            TestPki pki = TestPki.open(dir);
            pki.refreshCrls(Duration.ofDays(days));
            return "wrote root-ca.crl, persons-ca.crl, org-ca.crl in " + pki.crlFile(CaRole.ROOT).getParent()
                    + " (next update " + Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS)
                    + ")";
        }
    }

    /** An integer option within bounds, or {@code fallback} when absent. */
    static int number(String option, String value, int min, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw PkiException.badInput(option + " must be a whole number from " + min + " to " + max + ", not "
                + PkiException.quote(value));
    }

    private static BigInteger parseSerial(String text) {
        String hex = text.strip().replace(":", "");
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if (!hex.matches("[0-9A-Fa-f]{1,64}")) {
            throw PkiException.badInput("invalid serial " + PkiException.quote(text) + ": expected hexadecimal");
        }
        return new BigInteger(hex, 16);
    }

    private static String states(Validity validity, boolean revoked) {
        String state = switch (validity) {
            case NORMAL -> "";
            case EXPIRED -> ", expired";
            case NOT_YET_VALID -> ", not yet valid";
        };
        state += revoked ? ", revoked" : "";
        return state.isEmpty() ? "" : " (" + state.substring(2) + ")";
    }

    private static String describe(IssuedCertificate issued, String states) {
        return "wrote " + issued.keystore() + " and " + issued.certificatePem().getFileName() + ": serial "
                + issued.serialHex() + ", subject " + subject(issued.certificate()) + states;
    }

    private static String subjectAltNames(X509Certificate certificate) {
        try {
            return certificate.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1)))
                    .collect(java.util.stream.Collectors.joining(" "));
        } catch (java.security.cert.CertificateParsingException e) {
            return "(unreadable)";
        }
    }

    /** The subject in certificate order with readable attribute names (C=FR,O=...,CN=...,GIVENNAME=...). */
    static String subject(X509Certificate certificate) {
        return new X500Name(BCStyle.INSTANCE,
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())).toString();
    }
}
