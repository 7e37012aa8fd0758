package org.pscfederator.sandbox;

import java.nio.file.Path;

import org.pscfederator.cli.HelpOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/psc-sandbox}'s command line as typed, on picocli with the tools' conventions; checked into {@link SandboxOptions}. */
@Command(name = "psc-sandbox")
final class SandboxArguments {

    @Mixin
    HelpOption help;
    @Option(names = "--data-dir")
    Path dataDir = Path.of("sandbox-data");
    @Option(names = "--host")
    String host;
    @Option(names = "--wallet-host")
    String walletHost;
    @Option(names = "--https-port")
    int httpsPort = 8443;
    @Option(names = "--management-port")
    int managementPort = 9000;
    @Option(names = "--management-host")
    String managementHost = "127.0.0.1";
    @Option(names = "--db")
    String database = "h2";
    @Option(names = "--db-url")
    String dbUrl;
    @Option(names = "--db-username")
    String dbUsername;
    @Option(names = "--db-password")
    String dbPassword = System.getenv("PSC_DB_PASSWORD");
    @Option(names = "--admin-password")
    String adminPassword = "admin";
    @Option(names = "--max-ecps-waits")
    int maxEcpsWaits = KeycloakCommand.DEFAULT_ECPS_WAITS;
    @Option(names = "--log-json")
    boolean logJson;
    @Option(names = "--push-relay-url")
    String pushRelayUrl;
    @Option(names = "--push-relay-keystore")
    Path pushRelayKeystore;
    @Option(names = "--push-relay-truststore")
    Path pushRelayTruststore;
    @Option(names = "--push-relay-password-file")
    Path pushRelayPasswordFile;
    @Option(names = "--reset")
    boolean reset;
}
