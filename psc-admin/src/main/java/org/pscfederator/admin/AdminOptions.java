package org.pscfederator.admin;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pscfederator.cli.ServerUrl;

import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Where the admin API is and who calls it: the options every {@code psc-admin client} command shares. */
record AdminOptions(URI server, String realm, Path cacert, String adminUser) {

    static final String DEFAULT_SERVER = "https://localhost:8443/auth";
    static final String DEFAULT_REALM = "esante-wallet";
    static final Path SANDBOX_CACERT = Path.of("sandbox-data/pki/ca/ca-bundle.pem");

    static final String HELP = """
            Server options (every command):
              --server URL        the federator, with its path prefix (default %s)
              --realm NAME        the realm of the relying services (default %s)
              --cacert PEM        the CA certificates to trust for the server's TLS certificate
                                  (default %s when present, else the JDK's)
              --admin-user NAME   an administrator of the master realm (default admin); the password is read from
                                  the environment variable PSC_ADMIN_PASSWORD, or asked for on a terminal
            """.formatted(DEFAULT_SERVER, DEFAULT_REALM, SANDBOX_CACERT);

    /** The options as typed; {@link #from} checks them. */
    static final class Given {
        @Option(names = "--server")
        String server = DEFAULT_SERVER;
        @Option(names = "--realm")
        String realm = DEFAULT_REALM;
        @Option(names = "--cacert")
        Path cacert;
        @Option(names = "--admin-user")
        String adminUser = "admin";
    }

    /** @throws TypeConversionException for options that cannot be used */
    static AdminOptions from(Given given) {
        ServerUrl.realm(given.realm);
        Path cacert = given.cacert;
        if (cacert != null && !Files.isReadable(cacert)) {
            throw new TypeConversionException("--cacert: cannot read " + cacert);
        }
        if (cacert == null && Files.isRegularFile(SANDBOX_CACERT)) {
            cacert = SANDBOX_CACERT;
        }
        return new AdminOptions(ServerUrl.https(given.server), given.realm, cacert,
                given.adminUser.isBlank() ? "admin" : given.adminUser);
    }
}
