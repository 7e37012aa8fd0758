package org.pscfederator.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.pscfederator.realmconfig.RealmAssembler;
import org.pscfederator.realmconfig.RealmConfigException;
import org.pscfederator.testpki.PkiException;

/**
 * {@code bin/psc-sandbox}: prepares the data folder, the test PKI, the server and the realm, then runs Keycloak in
 * the foreground until it stops or the user presses Ctrl-C.
 */
public final class PscSandbox {

    private static final long STOP_TIMEOUT_SECONDS = 30;

    private PscSandbox() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            SandboxOptions options = SandboxOptions.parse(args);
            if (options.logJson()) {
                // From here on, every line the launcher prints is a JSON object, as Keycloak's are.
                out = new JsonConsole(out, "INFO");
                err = new JsonConsole(err, "ERROR");
            }
            if (options.help()) {
                out.println(SandboxOptions.USAGE);
                return 0;
            }
            return start(options, out);
        } catch (SandboxException e) {
            err.println("psc-sandbox: error: " + e.getMessage());
            return e.exitCode();
        } catch (PkiException | RealmConfigException e) {
            err.println("psc-sandbox: error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("psc-sandbox: error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private static int start(SandboxOptions options, PrintStream out) {
        if (options.reset() && options.database() == DatabaseKind.POSTGRES) {
            throw new SandboxException("--reset cannot empty a PostgreSQL database; drop and create the database, "
                    + "then start with --reset to renew the data folder");
        }
        SandboxData data = new SandboxData(options.dataDir());
        if (options.reset()) {
            data.reset();
            out.println("psc-sandbox: deleted " + data.root() + ", starting over");
        }
        data.prepare();
        Preflight.checkPortFree(options.httpsPort(), "--https-port");
        Preflight.checkPortFree(options.managementPort(), "--management-port");
        Preflight.checkDatabase(options);

        SandboxPki pki = SandboxPki.prepare(data.pki(), options.certificateHosts(), options.managementHost());
        KeycloakDistribution distribution = KeycloakDistribution.besideLauncher();
        distribution.layOut(data.keycloakHome());
        distribution.installProviders(data.keycloakHome());
        RealmImport.write(data.keycloakHome(), pki.trustMaterial(), pki.sandboxRpBindings(), options);

        out.println("psc-sandbox: starting Keycloak from " + data.keycloakHome() + " ("
                + (options.database() == DatabaseKind.H2 ? "H2 in " + data.root() + "/db"
                : "PostgreSQL at " + Preflight.withoutQuery(options.dbUrl())) + ")");
        int keycloakPort = Preflight.freeLoopbackPort(new HashSet<>(Set.of(options.httpsPort(),
                options.managementPort())));
        FrontIdentity frontIdentity = FrontIdentity.generate();
        frontIdentity.writeTrustStore(data.frontTrustStore());
        out.println("psc-sandbox: Keycloak listens on https://127.0.0.1:" + keycloakPort
                + " for the TLS front only (mutual TLS with a key made for this start)");
        Process keycloak = launch(options, data, pki, keycloakPort, frontIdentity.trustStorePassword(), out);
        Thread console = relayConsole(keycloak, out);
        TlsFront front;
        try {
            front = TlsFront.start(options.httpsPort(), pki.serverKey509(), pki.anyClientCertificate(), keycloakPort,
                    pki.keycloakTrust(), frontIdentity.keyManager(), WalletAuthorization.of(RealmAssembler.REALM_NAME, options));
        } catch (SandboxException e) {
            stop(keycloak);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            front.close();
            stop(keycloak);
        }, "psc-sandbox-stop"));
        new ReadinessWatcher(options, data, keycloak, out).start();
        try {
            int exit = keycloak.waitFor();
            if (console != null) {
                console.join(5_000); // Keycloak's last lines, say why it stopped, before the launcher's
            }
            if (exit != 0 && exit != 143 && exit != 130) {
                throw new SandboxException("Keycloak stopped with exit code " + exit + " (see its log above)");
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(keycloak);
            return 130;
        }
    }

    /**
     * Keycloak writes on the launcher's console; with {@code --log-json}, through the launcher's {@link JsonConsole},
     * so that the lines it writes before its JSON log starts are JSON too.
     */
    private static Process launch(SandboxOptions options, SandboxData data, SandboxPki pki, int keycloakPort,
            String trustStorePassword, PrintStream out) {
        ProcessBuilder builder = new ProcessBuilder(KeycloakCommand.arguments(options, data, pki, keycloakPort,
                data.frontTrustStore()))
                .directory(data.keycloakHome().toFile())
                .inheritIO();
        if (out instanceof JsonConsole) {
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE);
        }
        builder.environment().putAll(KeycloakCommand.environment(options, trustStorePassword));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new SandboxException("cannot start Keycloak: " + e.getMessage());
        }
    }

    /** Writes Keycloak's console through {@code json} until Keycloak closes it; null without {@code --log-json}. */
    private static Thread relayConsole(Process keycloak, PrintStream out) {
        if (!(out instanceof JsonConsole json)) {
            return null;
        }
        Thread relay = new Thread(() -> relay(keycloak, json), "psc-sandbox-console");
        relay.setDaemon(true);
        relay.start();
        return relay;
    }

    private static void relay(Process keycloak, JsonConsole json) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(keycloak.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                json.relay(line);
            }
        } catch (IOException e) {
            // Keycloak has gone: nothing more to write
        }
    }

    private static void stop(Process keycloak) {
        ProcessTree.stop(keycloak, STOP_TIMEOUT_SECONDS);
    }
}
