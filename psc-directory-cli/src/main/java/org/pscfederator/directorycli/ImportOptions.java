package org.pscfederator.directorycli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code psc-directory import FILE [options]}: which file, which directory, and where it goes, either straight into the
 * federator's database ({@code --db-url}) or through a running server's admin endpoint ({@code --server}).
 */
record ImportOptions(Path file, boolean staff, String source, String dbUrl, String dbUsername, URI server,
        String realm, Path cacert, String adminUser, boolean json, boolean quiet, boolean allowRemote) {

    static final String DEFAULT_SERVER = "https://localhost:8443/auth";
    static final String DEFAULT_REALM = "esante-wallet";
    static final Path SANDBOX_CACERT = Path.of("sandbox-data/pki/ca/ca-bundle.pem");

    static final String HELP = """
            usage: psc-directory import FILE [options]

            Replaces the national directory (or, with --staff, the staff directory) with FILE, in one transaction:
            if the file is refused, the previous directory stays as it was.

            Where the file goes (one of):
              --db-url JDBC_URL        straight into the federator's database (PostgreSQL in production); any size.
                                       --db-username NAME, password from the environment variable PSC_DB_PASSWORD.
              --server URL             through a running server's admin endpoint (default %s);
                                       files up to the server's request limit (10 MB in Keycloak by default).
                                       --realm NAME (default %s), --cacert PEM (default %s when present),
                                       --admin-user NAME (default admin, of the master realm), password from
                                       PSC_ADMIN_PASSWORD, or asked for on a terminal.
            Other options:
              --staff                  the file is a staff file (CPE/CPA holders, docs/directory-files.md)
              --source LABEL           recorded with the import (default: the file name)
              --json                   print the summary as one JSON line
              --quiet                  no progress lines
              --allow-remote           allow a server other than localhost
            Exit code: 0 the file is now the directory; 1 refused or failed (previous directory kept); 2 bad usage.
            """.formatted(DEFAULT_SERVER, DEFAULT_REALM, SANDBOX_CACERT);

    /** The options as typed, with their defaults; {@link #from} checks them. */
    static final class Given {
        @Parameters(paramLabel = "FILE", arity = "0..*")
        List<Path> files = List.of();
        @Option(names = "--staff")
        boolean staff;
        @Option(names = "--source")
        String source;
        @Option(names = "--db-url")
        String dbUrl;
        @Option(names = "--db-username")
        String dbUsername;
        @Option(names = "--server")
        String server;
        @Option(names = "--realm")
        String realm = DEFAULT_REALM;
        @Option(names = "--cacert")
        Path cacert;
        @Option(names = "--admin-user")
        String adminUser = "admin";
        @Option(names = "--json")
        boolean json;
        @Option(names = "--quiet")
        boolean quiet;
        @Option(names = "--allow-remote")
        boolean allowRemote;
    }

    /** @throws TypeConversionException for a command line that cannot be run (a usage error) */
    static ImportOptions from(Given given) {
        if (given.files.isEmpty()) {
            throw new TypeConversionException("which file? usage: psc-directory import FILE [options]");
        }
        if (given.files.size() > 1) {
            throw new TypeConversionException("one file per import, got " + given.files.get(0) + " and "
                    + given.files.get(1));
        }
        Path file = given.files.get(0);
        String dbUrl = given.dbUrl;
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new TypeConversionException("cannot read " + file);
        }
        if (dbUrl != null && given.server != null) {
            throw new TypeConversionException("--db-url and --server are two ways to import; choose one");
        }
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:h2:")) {
            throw new TypeConversionException("--db-url must be a PostgreSQL or H2 JDBC URL (jdbc:postgresql://... or "
                    + "jdbc:h2:...)");
        }
        if (!given.realm.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new TypeConversionException("--realm: not a realm name: " + given.realm);
        }
        URI serverUri = null;
        Path cacert = given.cacert;
        if (dbUrl == null) {
            serverUri = serverUri(given.server == null ? DEFAULT_SERVER : given.server, given.allowRemote);
            if (cacert == null && Files.isRegularFile(SANDBOX_CACERT)) {
                cacert = SANDBOX_CACERT;
            }
        }
        String source = given.source != null ? given.source : file.getFileName().toString();
        return new ImportOptions(file, given.staff, source, dbUrl, given.dbUsername, serverUri, given.realm, cacert,
                given.adminUser, given.json, given.quiet, given.allowRemote);
    }

    boolean direct() {
        return dbUrl != null;
    }

    String directoryName() {
        return staff ? "staff" : "national";
    }

    private static URI serverUri(String text, boolean allowRemote) {
        URI uri;
        try {
            uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("--server: not a URL: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new TypeConversionException("--server: not an http(s) URL: " + text);
        }
        if (!allowRemote && !isLoopback(uri.getHost())) {
            throw new TypeConversionException("--server " + uri.getHost() + " is not this machine; add --allow-remote to import"
                    + " into a remote server");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }
}
