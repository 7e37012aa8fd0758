package org.pscfederator.admin;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code bin/psc-admin}: onboards relying services through Keycloak's admin REST API. Results on stdout; warnings and
 * errors one line each on stderr ({@code psc-admin: error: ...}), never a stack trace, never a secret or a token.
 * Exit codes: 0 done, 1 refused or failed (nothing changed), 2 bad command line.
 */
public final class AdminCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String HELP = """
            usage: psc-admin client COMMAND --client-id ID [options]
              Onboards the relying services of PSC's trusted space: each authenticates with its IGC-Santé ORG AUTH_CLI
              certificate in mutual TLS (tls_client_auth) and gets certificate-bound tokens.

            commands:
              client register --client-id ID --redirect-uri URI [--redirect-uri URI]... --cert FILE.pem
                              [--bind thumbprint|subject] [--post-logout-redirect-uri URI]...
                                       create the relying service's client: confidential, authorization code with
                                       PKCE S256 only, psc-org-mtls, bound tokens, optional scope scope_all; the
                                       certificate must be an ORG AUTH_CLI certificate the realm trusts. --bind says
                                       what the server matches: the certificate's thumbprint (default: exactly this
                                       certificate) or its subject and issuer (a renewal with the same names matches);
                                       logout may return to the --post-logout-redirect-uri given (default: any
                                       redirect URI)
              client rotate-cert --client-id ID --cert NEW.pem [--drop-old] [--bind thumbprint|subject]
                                       register a renewed certificate beside the current one (both accepted while the
                                       servers switch over); --drop-old keeps only the new one
              client disable --client-id ID
                                       disable the client: no more logins nor tokens for it
              client show --client-id ID
                                       print the registration: redirect URIs, authentication, certificates, bound tokens

            %s
            Exit code: 0 done; 1 refused or failed (nothing changed); 2 bad command line.
            """.formatted(AdminOptions.HELP);

    private final PrintStream out;
    private final PrintStream err;
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
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.print(HELP);
            return args.length == 0 ? USAGE : OK;
        }
        try {
            if (!args[0].equals("client")) {
                throw new UsageException("unknown command " + args[0] + " (client register, rotate-cert, disable, "
                        + "show; see psc-admin --help)");
            }
            if (args.length < 2) {
                throw new UsageException("client what? register, rotate-cert, disable or show");
            }
            String[] rest = Arrays.copyOfRange(args, 2, args.length);
            if (Arrays.asList(rest).contains("--help")) {
                out.print(HELP);
                return OK;
            }
            ClientCommands commands = new ClientCommands(out, err, this::adminPassword);
            return switch (args[1]) {
                case "register" -> commands.register(rest);
                case "rotate-cert" -> commands.rotateCertificate(rest);
                case "disable" -> commands.disable(rest);
                case "show" -> commands.show(rest);
                default -> throw new UsageException("unknown command client " + args[1]
                        + " (register, rotate-cert, disable, show)");
            };
        } catch (UsageException e) {
            err.println("psc-admin: " + e.getMessage());
            return USAGE;
        } catch (AdminException e) {
            err.println("psc-admin: error: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println(("psc-admin: error: unexpected failure: " + e).replaceAll("\\s+", " "));
            return FAILED;
        }
    }

    /** From PSC_ADMIN_PASSWORD, or typed on a terminal: never from the command line (it would show in ps and history). */
    private char[] adminPassword(String adminUser) throws UsageException {
        String fromEnvironment = environment.get("PSC_ADMIN_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        java.io.Console terminal = System.console();
        if (terminal != null) {
            char[] typed = terminal.readPassword("password of %s (master realm): ", adminUser);
            if (typed != null && typed.length > 0) {
                return typed;
            }
        }
        throw new UsageException("the admin password is needed: set PSC_ADMIN_PASSWORD (the sandbox's is admin)");
    }
}
