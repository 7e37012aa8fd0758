package org.pscfederator.testpki;

import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * {@code bin/psc-pki}: manages the sandbox test PKI from a shell. Each command prints one line saying what it wrote.
 * Errors are one line {@code psc-pki: error: <reason>} on stderr, exit code 2 for bad input (including a missing
 * PKI or an unwritable directory) and 1 for failures while working; never a stack trace.
 */
public final class PkiCommand {

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

    private PkiCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line; returns the exit code (0 done, 1 failure, 2 bad input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            PkiArguments arguments = PkiArguments.parse(args);
            if (arguments.help()) {
                out.print(USAGE);
            } else {
                out.println(execute(arguments));
            }
            out.flush();
            return 0;
        } catch (PkiException e) {
            err.println("psc-pki: error: " + e.getMessage());
            return e.isBadInput() ? 2 : 1;
        } catch (RuntimeException e) {
            err.println(("psc-pki: error: unexpected failure: " + e).replaceAll("[\\r\\n]+", " "));
            return 1;
        }
    }

    private static String execute(PkiArguments arguments) {
        Path dir = arguments.pkiDir();
        return switch (arguments.command()) {
            case "init" -> init(dir);
            case "server" -> server(arguments, TestPki.open(dir));
            case "card" -> card(arguments, TestPki.open(dir));
            case "client" -> client(arguments, TestPki.open(dir));
            case "revoke" -> revoke(arguments, TestPki.open(dir));
            case "crl" -> crl(arguments, TestPki.open(dir));
            default -> throw PkiException.badInput("unknown command " + arguments.command());
        };
    }

    private static String init(Path dir) {
        boolean existed = Files.isDirectory(dir.resolve("ca"));
        TestPki pki = TestPki.createOrOpen(dir);
        Path ca = pki.caBundle().getParent();
        return existed
                ? "kept the existing test PKI in " + ca + " (nothing created)"
                : "wrote " + ca + ": root, persons and organisations CAs (root " + subject(pki.caCertificate(CaRole.ROOT))
                        + "), their CRLs, ca-bundle.pem, truststore.p12";
    }

    private static String server(PkiArguments arguments, TestPki pki) {
        IssuedCertificate issued = pki.issueServer(arguments.values("--dns"), arguments.values("--ip"));
        return "wrote " + issued.keystore() + ", server.crt.pem, server.key.pem: serial " + issued.serialHex()
                + ", subject " + subject(issued.certificate()) + ", names " + subjectAltNames(issued.certificate());
    }

    private static String card(PkiArguments arguments, TestPki pki) {
        CardRequest request = CardRequest.of(arguments.required("--idnat"))
                .withNames(arguments.value("--given-name"), arguments.value("--family-name"))
                .withValidityDays(arguments.number("--days", 1, 36500, SandboxProfile.CARD_DAYS))
                .withValidity(validity(arguments))
                .withRevoked(arguments.flag("--revoked"));
        boolean withoutPolicy = arguments.flag("--without-policy");
        boolean lookalike = arguments.flag("--lookalike");
        if (withoutPolicy && lookalike || (withoutPolicy || lookalike) && request.revoked()) {
            throw PkiException.badInput("--without-policy, --lookalike and --revoked cannot be used together");
        }
        if (withoutPolicy) {
            return describe(pki.issueCardWithoutPolicy(request), " (without the card policy)");
        }
        if (lookalike) {
            return describe(pki.issueLookalikeCard(request), " (lookalike: not issued by this PKI)");
        }
        return describe(pki.issueCard(request), states(request.validity(), request.revoked()));
    }

    private static String client(PkiArguments arguments, TestPki pki) {
        ClientRequest request = ClientRequest.of(arguments.required("--client-id"))
                .withOrganisation(arguments.value("--organisation"), arguments.value("--structure-id"))
                .withValidityDays(arguments.number("--days", 1, 36500, SandboxProfile.CLIENT_DAYS))
                .withValidity(validity(arguments))
                .withRevoked(arguments.flag("--revoked"));
        return describe(pki.issueClient(request), states(request.validity(), request.revoked()));
    }

    private static String revoke(PkiArguments arguments, TestPki pki) {
        String serialText = arguments.value("--serial");
        String file = arguments.value("--file");
        if ((serialText == null) == (file == null)) {
            throw PkiException.badInput("revoke needs exactly one of --serial HEX or --file PATH");
        }
        BigInteger serial;
        boolean already;
        if (file != null) {
            X509Certificate certificate = CertificateFile.read(Path.of(file));
            already = pki.isRevoked(certificate.getSerialNumber());
            serial = pki.revoke(certificate);
        } else {
            serial = parseSerial(serialText);
            already = pki.isRevoked(serial);
            pki.revoke(serial);
        }
        CaRole issuer = pki.issuerOf(serial);
        return already
                ? "serial " + PkiState.hex(serial) + " was already revoked; " + pki.crlFile(issuer) + " unchanged"
                : "revoked serial " + PkiState.hex(serial) + " (issued by the " + issuer.label() + "); wrote "
                        + pki.crlFile(issuer);
    }

    private static String crl(PkiArguments arguments, TestPki pki) {
        int days = arguments.number("--next-update-days", 1, 3650, (int) SandboxProfile.CRL_NEXT_UPDATE.toDays());
        pki.refreshCrls(Duration.ofDays(days));
        return "wrote root-ca.crl, persons-ca.crl, org-ca.crl in " + pki.crlFile(CaRole.ROOT).getParent()
                + " (next update " + Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS) + ")";
    }

    private static Validity validity(PkiArguments arguments) {
        boolean expired = arguments.flag("--expired");
        boolean notYetValid = arguments.flag("--not-yet-valid");
        if (expired && notYetValid) {
            throw PkiException.badInput("--expired and --not-yet-valid cannot be used together");
        }
        return expired ? Validity.EXPIRED : notYetValid ? Validity.NOT_YET_VALID : Validity.NORMAL;
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
