package org.pscfederator.sandbox;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;

import org.pscfederator.cli.ToolRunner;

import picocli.CommandLine.ParameterException;

/** What the user asked for on the command line, validated. */
public record SandboxOptions(
        Path dataDir,
        String host,
        String walletHost,
        int httpsPort,
        int managementPort,
        String managementHost,
        DatabaseKind database,
        String dbUrl,
        String dbUsername,
        String dbPassword,
        String adminPassword,
        int maxEcpsWaits,
        boolean logJson,
        PushRelay pushRelay,
        boolean reset,
        boolean help) {

    static final String USAGE = String.join("\n",
            "Usage: bin/psc-sandbox [options]",
            "",
            "Starts the Pro Santé Connect sandbox: Keycloak with the psc-federator providers, realm esante-wallet",
            "(and hopital-demo, a demonstration hospital whose login PSC accepts), HTTPS on",
            "https://localhost:8443/auth with a certificate from the sandbox test PKI.",
            "",
            "Options:",
            "  --data-dir DIR           sandbox data folder (default: sandbox-data)",
            "  --host NAME              the server's public host name: in the issuer and every URL, and in the server",
            "                           certificate besides localhost (default: localhost)",
            "  --wallet-host NAME       a second host name serving PSC's authorization URL https://NAME:PORT/auth (as",
            "                           PSC's wallet.<host>): discovery's authorization_endpoint, and in the server",
            "                           certificate",
            "  --https-port PORT        HTTPS port (default: 8443)",
            "  --management-port PORT   management port for health and metrics (default: 9000)",
            "  --management-host ADDR   address the management port listens on (default: 127.0.0.1; 0.0.0.0 for",
            "                           every interface: it has no authentication, see docs/operations.md)",
            "  --db h2|postgres         database (default: h2, a file in the data folder)",
            "  --db-url URL             JDBC URL, with --db postgres (e.g. jdbc:postgresql://127.0.0.1:5432/psc)",
            "  --db-username NAME       database user, with --db postgres",
            "  --db-password SECRET     database password, with --db postgres (or env PSC_DB_PASSWORD)",
            "  --admin-password SECRET  password of the master realm's 'admin' on first start (default: admin)",
            "  --max-ecps-waits N       e-CPS waits (wait pages, phones) Keycloak holds at once; past it 503",
            "                           (default: 400; production's default is 2000, docs/operations.md)",
            "  --log-json               Keycloak's console log as JSON lines (--log-console-output=json); the",
            "                           launcher's own lines become JSON objects too (loggerName psc-sandbox)",
            "  --push-relay-url URL     e-CPS pushes go to this HTTPS relay when the realm's pscEcpsPush is relay",
            "                           (docs/ecps.md), with the three options below",
            "  --push-relay-keystore FILE",
            "                           PKCS#12: the server's client key and certificate towards the relay",
            "  --push-relay-truststore FILE",
            "                           PKCS#12: the relay's CA certificate(s)",
            "  --push-relay-password-file FILE",
            "                           the two stores' password, the file's first line (or env",
            "                           PSC_PUSH_RELAY_PASSWORD); never on the command line",
            "  --reset                  delete the data folder and start over",
            "  --help                   show this help");

    /** The TLS front keeps that many connections to Keycloak; the rest are for everything but waits. */
    static final int MOST_ECPS_WAITS = TlsFront.MAX_CONNECTIONS_TO_KEYCLOAK - 96;

    public static SandboxOptions parse(String... args) {
        SandboxArguments typed;
        try {
            typed = ToolRunner.populate(new SandboxArguments(), args);
        } catch (ParameterException e) {
            throw new SandboxException(e.getMessage(), 2); // worded by the tools' conventions (psc-cli)
        }
        Path dataDir = typed.dataDir;
        String host = dnsName("--host", typed.host);
        String walletHost = dnsName("--wallet-host", typed.walletHost);
        int httpsPort = port("--https-port", typed.httpsPort);
        int managementPort = port("--management-port", typed.managementPort);
        String managementHost = ipAddress("--management-host", typed.managementHost);
        DatabaseKind database = DatabaseKind.parse(typed.database);
        String dbUrl = typed.dbUrl;
        String dbUsername = typed.dbUsername;
        String dbPassword = typed.dbPassword;
        String adminPassword = typed.adminPassword;
        int maxEcpsWaits = typed.maxEcpsWaits;
        boolean reset = typed.reset;
        PushRelay pushRelay = PushRelay.of(typed.pushRelayUrl, typed.pushRelayKeystore, typed.pushRelayTruststore,
                typed.pushRelayPasswordFile, System.getenv(PushRelay.PASSWORD_VARIABLE));
        boolean help = typed.help.requested();
        if (database == DatabaseKind.POSTGRES && dbUrl == null) {
            throw SandboxException.usage("--db postgres needs --db-url");
        }
        if (database == DatabaseKind.POSTGRES && !dbUrl.startsWith("jdbc:postgresql://")) {
            throw SandboxException.usage("--db-url must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE)");
        }
        if (database == DatabaseKind.H2 && (dbUrl != null || dbUsername != null)) {
            throw SandboxException.usage("--db-url and --db-username go with --db postgres");
        }
        if (httpsPort == managementPort) {
            throw SandboxException.usage("--https-port and --management-port must differ");
        }
        if (walletHost != null && walletHost.equalsIgnoreCase(host == null ? "localhost" : host)) {
            throw SandboxException.usage("--wallet-host must differ from the server's host name ('" + walletHost
                    + "'): /auth is served there anyway");
        }
        if (maxEcpsWaits < 0 || maxEcpsWaits > MOST_ECPS_WAITS) {
            throw SandboxException.usage("--max-ecps-waits must be a number between 0 and " + MOST_ECPS_WAITS
                    + ", not '" + maxEcpsWaits + "'");
        }
        if (adminPassword.isBlank()) {
            throw SandboxException.usage("--admin-password must not be empty");
        }
        return new SandboxOptions(dataDir.toAbsolutePath().normalize(), host, walletHost, httpsPort, managementPort,
                managementHost, database, dbUrl, dbUsername, dbPassword, adminPassword, maxEcpsWaits, typed.logJson,
                pushRelay, reset, help);
    }

    /**
     * A host name as it goes into the server certificate and the URLs: letters, digits and hyphens in dot-separated
     * labels of at most 63 characters, neither starting nor ending with a hyphen (RFC 1123); never looked up.
     */
    private static String dnsName(String option, String value) {
        if (value == null) {
            return null;
        }
        String label = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
        if (value.length() <= 253 && value.matches(label + "(\\." + label + ")*")) {
            return value;
        }
        throw SandboxException.usage(option + " must be a DNS name (letters, digits, hyphens and dots, as "
                + "wallet.psc.example), not '" + value + "'");
    }

    private static int port(String option, int port) {
        if (port >= 1 && port <= 65535) {
            return port;
        }
        throw SandboxException.usage(option + " must be a port number between 1 and 65535, not '" + port + "'");
    }

    /**
     * An IP address literal, as Keycloak binds it. Only a dotted quad or a text with a colon reaches the parser, so
     * that nothing is ever looked up in DNS.
     */
    private static String ipAddress(String option, String value) {
        if (value.matches("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)")
                || value.matches("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*")) {
            try {
                return InetAddress.getByName(value).getHostAddress();
            } catch (UnknownHostException e) {
                // reported below
            }
        }
        throw SandboxException.usage(option + " must be an IP address (127.0.0.1, 0.0.0.0, ...), not '" + value + "'");
    }

    /** The host name in the issuer and every URL the server announces, whatever Host a client sends. */
    public String publicHost() {
        return host == null ? "localhost" : host;
    }

    /** The URL a user opens, and the issuers' base; the management interface serves health and metrics. */
    public String baseUrl() {
        return "https://" + publicHost() + ":" + httpsPort + KeycloakCommand.RELATIVE_PATH;
    }

    /** The host names the server certificate names besides localhost: the public host and the wallet host. */
    java.util.List<String> certificateHosts() {
        return java.util.stream.Stream.of(host, walletHost).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * PSC's authorization URL, as discovery names it: {@code /auth} on the wallet host when there is one (PSC's
     * {@code https://wallet.<host>/auth}), else on the public host. The front answers it on either.
     */
    public String authorizationEndpoint() {
        return walletHost == null ? URI.create(baseUrl()).resolve(WalletAuthorization.PATH).toString()
                : "https://" + walletHost + ":" + httpsPort + WalletAuthorization.PATH;
    }

    /** The public port as the launcher itself reaches it, on this machine, whatever the public host name. */
    String localUrl() {
        return "https://localhost:" + httpsPort + KeycloakCommand.RELATIVE_PATH;
    }

    /** Where the launcher asks the management interface whether the server is ready. */
    String managementUrl() {
        String address;
        try {
            InetAddress bound = InetAddress.getByName(managementHost);
            address = bound.isAnyLocalAddress() || bound.isLoopbackAddress() ? "localhost"
                    : bound instanceof Inet6Address ? "[" + managementHost + "]" : managementHost;
        } catch (UnknownHostException e) {
            address = "localhost";
        }
        return "https://" + address + ":" + managementPort + KeycloakCommand.RELATIVE_PATH;
    }
}
