package org.pscfederator.admin;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

import org.pscfederator.cli.AdminPassword;
import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.ToolRunner;
import org.pscfederator.cli.UsageText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code bin/psc-admin}: onboards relying services through Keycloak's admin REST API. Results on stdout; warnings and
 * errors one line each on stderr ({@code psc-admin: error: ...}), never a stack trace, never a secret or a token.
 * Exit codes: 0 done, 1 refused or failed (nothing changed), 2 bad command line.
 */
@Command(name = "psc-admin", subcommands = {ClientCommands.class, AuditCommand.class, EventsCommands.class,
        DeviceCommands.class, SessionCommands.class, TrustCommands.class, IdpCommands.class,
        CommandLine.HelpCommand.class})
public final class AdminCommand implements UsageText {

    static final String HELP = """
            usage: psc-admin client COMMAND --client-id ID [options]
                   psc-admin idp register|show|disable|pairings|unpair ... [options]
                   psc-admin audit|events|device|session|trust ... [options]
              Onboards the relying services of PSC's trusted space: each authenticates with its IGC-Santé ORG AUTH_CLI
              certificate in mutual TLS (tls_client_auth) and gets certificate-bound tokens. Answers an operator's
              everyday questions: who logged in as a professional, the events for a SIEM, devices, sessions, trust.

            commands:
              client register --client-id ID --redirect-uri URI [--redirect-uri URI]... --cert FILE.pem
                              [--bind thumbprint|subject] [--post-logout-redirect-uri URI]...
                              [--ciba] [--backchannel-logout-uri URI] [--no-bound-tokens]
                                       create the relying service's client: confidential, authorization code with
                                       PKCE S256 only, psc-org-mtls, bound tokens, optional scope scope_all; the
                                       certificate must be an ORG AUTH_CLI certificate the realm trusts. --bind says
                                       what the server matches: the certificate's thumbprint (default: exactly this
                                       certificate) or its subject and issuer (a renewal with the same names matches);
                                       logout may return to the --post-logout-redirect-uri given (default: any
                                       redirect URI). --ciba: CIBA in poll mode through e-CPS as well;
                                       --backchannel-logout-uri: where PSC posts a logout token when the
                                       professional's PSC session ends; --no-bound-tokens: tokens not bound to the
                                       certificate, for a service that cannot present it at userinfo (a stolen access
                                       token then works from anywhere until it expires). Redirect URIs are https; a
                                       realm with pscLoopbackRedirectsAllowed (the sandbox) also takes http on
                                       localhost, 127.0.0.1 or [::1], any port
              client rotate-cert --client-id ID --cert NEW.pem [--drop-old] [--bind thumbprint|subject]
                                       register a renewed certificate beside the current one (both accepted while the
                                       servers switch over); --drop-old keeps only the new one
              client disable --client-id ID
                                       disable the client: no more logins nor tokens for it
              client show --client-id ID
                                       print the registration: redirect URIs, authentication, certificates, bound
                                       tokens, CIBA, back-channel logout

            establishments' identity providers (docs/establishments.md; each also with --json):
              idp register --alias ALIAS --discovery URL --client-id ID
                           (--client-secret-file FILE | --private-key-jwt) --name NAME --structures LIST
                           [--amr-all-of "AMR..."] [--amr-any-of "AMR..."] [--subject-claims sub|"tid oid"]
                           [--pairing-days N]
                                       create the establishment's OpenID Connect provider in the realm, its
                                       endpoints from its discovery document (as the server reads it), PKCE S256,
                                       PSC's pairing and check flows and mapper. LIST: comma-separated
                                       finess:<9 digits>, siret:<14 digits> or structure:<technical id>, the
                                       structures whose professionals may pair; amr rules default to all of "mfa"
                                       and one of "otp hwk swk"; the subject to "sub" ("tid oid" for Entra ID);
                                       pairings last 365 days unless --pairing-days (1..3650). The secret is the
                                       file's first line; --private-key-jwt signs with the realm's key (the
                                       establishment trusts PSC's keys URL, printed). Prints the redirect URI the
                                       establishment registers
              idp show --alias ALIAS   the provider: state, endpoints, client, PSC's settings as the server reads
                                       them (or why they are refused), flows, mapper; never the secret
              idp disable --alias ALIAS
                                       disable the provider and end all its pairings
              idp pairings --idnat ID  the professional's pairings with establishments' accounts
              idp unpair --idnat ID --provider ALIAS
                                       end that pairing: the next login through ALIAS asks for the card or e-CPS

            everyday commands (each also with --json: one JSON document on stdout):
              audit --idnat ID [--since DATE] [--until DATE]
                                       the professional's logins and refusals from the realm's stored events: when,
                                       card or e-CPS, relying service, address, device or card serial, outcome and
                                       reason; a refused card that named this idNat is listed too, marked as such
              events export --since DATE [--until DATE] --output FILE
                                       the realm's login and admin events as JSON lines for a SIEM, each line
                                       carrying a SHA-256 chained to the previous one (docs/audit.md); FILE must not
                                       exist yet; prints the last hash, to keep apart from the file
              events verify FILE [--last-hash HASH]
                                       checks the chain: names the first line removed, reordered or altered
                                       (exit code 1); with --last-hash, that the file is the export it vouches for
              device list --idnat ID   the professional's e-CPS devices
              device revoke --idnat ID [--device DEVICE_ID]
                                       revokes the professional's active devices (or that one): a lost phone; its
                                       next approval is refused
              session list --idnat ID  the professional's login sessions and their relying services
              session end --idnat ID   ends them all: the relying services' refresh tokens stop working
              trust show               each CA the realm trusts for cards and relying services, its CRL, the CRL's
                                       state and the moment its cards start being refused (next update + grace)
              DATE: a day 2026-12-02 (midnight UTC) or an instant 2026-12-02T08:30:00Z

            %s
            Exit code: 0 done; 1 refused or failed (nothing changed); 2 bad command line.
            """.formatted(AdminOptions.HELP);

    @Mixin
    HelpOption help;
    final PrintStream out;
    final PrintStream err;
    private final Map<String, String> environment;

    AdminCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new AdminCommand(System.out, System.err, System.getenv()).run(args));
    }

    int run(String[] args) {
        return ToolRunner.run(this, out, err, args);
    }

    @Override
    public String usageText() {
        return HELP;
    }

    /** Logs in as the master realm's administrator; without a password it is a usage error (exit code 2). */
    KeycloakAdmin login(AdminOptions options, CommandSpec spec) throws AdminException {
        char[] password = adminPassword(options.adminUser());
        if (password == null) {
            throw new ParameterException(spec.commandLine(), AdminPassword.NEEDED);
        }
        try {
            return KeycloakAdmin.login(options, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * From PSC_ADMIN_PASSWORD, or typed on a terminal: never from the command line (it would show in ps and history).
     *
     * @return null when there is none
     */
    char[] adminPassword(String adminUser) {
        return AdminPassword.read(environment, adminUser);
    }
}
