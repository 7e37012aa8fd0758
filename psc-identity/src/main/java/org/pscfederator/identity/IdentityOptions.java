package org.pscfederator.identity;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pscfederator.cli.ServerUrl;

import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Which sandbox: its server and realm, the administrator who calls it, and its data folder (PKI, devices). */
record IdentityOptions(URI server, String realm, Path cacert, String adminUser, Path dataDir, boolean json) {

    static final String DEFAULT_SERVER = "https://localhost:8443/auth";
    static final String DEFAULT_REALM = "esante-wallet";
    static final Path DEFAULT_DATA_DIR = Path.of("sandbox-data");

    static final String HELP = """
            Options of every command:
              --server URL        the sandbox, with its path prefix (default %s)
              --realm NAME        the sandbox realm (default %s)
              --data-dir DIR      the sandbox's data folder: its test PKI and e-CPS devices (default %s)
              --cacert PEM        the CAs to trust for the server's TLS certificate (default DIR/pki/ca/ca-bundle.pem)
              --admin-user NAME   an administrator of the master realm (default admin); the password is read from
                                  the environment variable PSC_ADMIN_PASSWORD, or asked for on a terminal
              --json              print the result as one JSON object
            """.formatted(DEFAULT_SERVER, DEFAULT_REALM, DEFAULT_DATA_DIR);

    /** The options as typed; {@link #from} checks them. */
    static final class Given {
        @Option(names = "--server")
        String server = DEFAULT_SERVER;
        @Option(names = "--realm")
        String realm = DEFAULT_REALM;
        @Option(names = "--data-dir")
        Path dataDir = DEFAULT_DATA_DIR;
        @Option(names = "--cacert")
        Path cacert;
        @Option(names = "--admin-user")
        String adminUser = "admin";
        @Option(names = "--json")
        boolean json;
    }

    /** @throws TypeConversionException for options that cannot be used */
    static IdentityOptions from(Given given) {
        ServerUrl.realm(given.realm);
        Path cacert = given.cacert;
        if (cacert != null && !Files.isReadable(cacert)) {
            throw new TypeConversionException("--cacert: cannot read " + cacert);
        }
        Path sandboxBundle = given.dataDir.resolve("pki/ca/ca-bundle.pem");
        if (cacert == null && Files.isRegularFile(sandboxBundle)) {
            cacert = sandboxBundle;
        }
        return new IdentityOptions(ServerUrl.https(given.server), given.realm, cacert,
                given.adminUser.isBlank() ? "admin" : given.adminUser, given.dataDir, given.json);
    }
}
