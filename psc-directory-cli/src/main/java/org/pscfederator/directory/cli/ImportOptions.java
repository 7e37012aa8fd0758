package org.pscfederator.directory.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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

    static ImportOptions parse(String[] args) throws UsageException {
        Path file = null;
        boolean staff = false;
        String source = null;
        String dbUrl = null;
        String dbUsername = null;
        String server = null;
        String realm = DEFAULT_REALM;
        Path cacert = null;
        String adminUser = "admin";
        boolean json = false;
        boolean quiet = false;
        boolean allowRemote = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--staff" -> staff = true;
                case "--json" -> json = true;
                case "--quiet" -> quiet = true;
                case "--allow-remote" -> allowRemote = true;
                case "--source" -> source = value(args, ++i, arg);
                case "--db-url" -> dbUrl = value(args, ++i, arg);
                case "--db-username" -> dbUsername = value(args, ++i, arg);
                case "--server" -> server = value(args, ++i, arg);
                case "--realm" -> realm = value(args, ++i, arg);
                case "--cacert" -> cacert = Path.of(value(args, ++i, arg));
                case "--admin-user" -> adminUser = value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg + " (see psc-directory import --help)");
                    }
                    if (file != null) {
                        throw new UsageException("one file per import, got " + file + " and " + arg);
                    }
                    file = Path.of(arg);
                }
            }
        }
        if (file == null) {
            throw new UsageException("which file? usage: psc-directory import FILE [options]");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException("cannot read " + file);
        }
        if (dbUrl != null && server != null) {
            throw new UsageException("--db-url and --server are two ways to import; choose one");
        }
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:h2:")) {
            throw new UsageException("--db-url must be a PostgreSQL or H2 JDBC URL (jdbc:postgresql://... or jdbc:h2:...)");
        }
        if (!realm.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new UsageException("--realm: not a realm name: " + realm);
        }
        URI serverUri = null;
        if (dbUrl == null) {
            serverUri = serverUri(server == null ? DEFAULT_SERVER : server, allowRemote);
            if (cacert == null && Files.isRegularFile(SANDBOX_CACERT)) {
                cacert = SANDBOX_CACERT;
            }
        }
        if (source == null) {
            source = file.getFileName().toString();
        }
        return new ImportOptions(file, staff, source, dbUrl, dbUsername, serverUri, realm, cacert, adminUser, json,
                quiet, allowRemote);
    }

    boolean direct() {
        return dbUrl != null;
    }

    String directoryName() {
        return staff ? "staff" : "national";
    }

    private static URI serverUri(String text, boolean allowRemote) throws UsageException {
        URI uri;
        try {
            uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--server: not a URL: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new UsageException("--server: not an http(s) URL: " + text);
        }
        if (!allowRemote && !isLoopback(uri.getHost())) {
            throw new UsageException("--server " + uri.getHost() + " is not this machine; add --allow-remote to import"
                    + " into a remote server");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }
}
