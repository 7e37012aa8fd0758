package org.pscfederator.admin;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Where the admin API is and who calls it: the options every {@code psc-admin client} command shares. */
record AdminOptions(URI server, String realm, Path cacert, String adminUser) {

    static final String DEFAULT_SERVER = "https://localhost:8443/auth";
    static final String DEFAULT_REALM = "esante-wallet";
    static final Path SANDBOX_CACERT = Path.of("sandbox-data/pki/ca/ca-bundle.pem");
    static final Set<String> OPTIONS = Set.of("--server", "--realm", "--cacert", "--admin-user");
    private static final Pattern REALM = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    static final String HELP = """
            Server options (every command):
              --server URL        the federator, with its path prefix (default %s)
              --realm NAME        the realm of the relying services (default %s)
              --cacert PEM        the CA certificates to trust for the server's TLS certificate
                                  (default %s when present, else the JDK's)
              --admin-user NAME   an administrator of the master realm (default admin); the password is read from
                                  the environment variable PSC_ADMIN_PASSWORD, or asked for on a terminal
            """.formatted(DEFAULT_SERVER, DEFAULT_REALM, SANDBOX_CACERT);

    static AdminOptions from(CommandLine line) throws UsageException {
        String server = line.value("--server");
        String realm = line.value("--realm");
        String cacert = line.value("--cacert");
        String adminUser = line.value("--admin-user");
        realm = realm == null ? DEFAULT_REALM : realm;
        if (!REALM.matcher(realm).matches()) {
            throw new UsageException("--realm: not a realm name: " + realm);
        }
        Path cacertPath = cacert == null ? null : Path.of(cacert);
        if (cacertPath != null && !Files.isReadable(cacertPath)) {
            throw new UsageException("--cacert: cannot read " + cacert);
        }
        if (cacertPath == null && Files.isRegularFile(SANDBOX_CACERT)) {
            cacertPath = SANDBOX_CACERT;
        }
        return new AdminOptions(serverUri(server == null ? DEFAULT_SERVER : server), realm, cacertPath,
                adminUser == null || adminUser.isBlank() ? "admin" : adminUser);
    }

    /** The admin API wants TLS: a plain http URL is refused (the admin password and token would travel in clear). */
    static URI serverUri(String text) throws UsageException {
        URI uri;
        try {
            uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--server: not a URL: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new UsageException("--server: not an https URL of the server: " + text);
        }
        return uri;
    }
}
