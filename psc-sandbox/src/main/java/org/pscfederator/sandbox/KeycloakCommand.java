package org.pscfederator.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code kc.sh start} command line and environment for the sandbox. Secrets go through the environment, never
 * the command line, where any local user could read them.
 */
final class KeycloakCommand {

    /** PSC serves Keycloak under /auth; URLs match PSC's. */
    static final String RELATIVE_PATH = "/auth";
    static final String KEYSTORE_PASSWORD = "1234";
    /** The e-CPS waits the sandbox holds at once by default, a small machine's share (docs/operations.md); past it, 503. */
    static final int DEFAULT_ECPS_WAITS = 400;
    static final int HEALTH_INTERVAL_SECONDS = 5;

    private KeycloakCommand() {
    }

    /**
     * Keycloak listens on the loopback interface only, on {@code keycloakPort}, behind the sandbox's TLS front
     * ({@link TlsFront}) which holds the public port, as nginx would in production. Cards and ORG certificates reach
     * it in the front's {@code ssl-client-cert} header, which it takes from the loopback address only; and it requires
     * the front's own certificate ({@link FrontIdentity}, the only one in {@code frontTrustStore}) in the TLS
     * handshake, so that no other local process can talk to it. The management interface asks for no certificate:
     * health probes have none. Every URL it announces is built on the public base URL, never on a request's Host.
     */
    static List<String> arguments(SandboxOptions options, SandboxData data, SandboxPki pki, int keycloakPort,
            Path frontTrustStore) {
        List<String> args = behindFront(data.keycloakHome(), pki, keycloakPort, frontTrustStore,
                options.managementHost(), options.managementPort(), options.baseUrl(), options.authorizationEndpoint());
        args.add("--cache=local");
        args.add(maxEcpsWaits(options.maxEcpsWaits()));
        // The sandbox's CRLs and directory are small: its health check may look often (production: every 30 s).
        args.add("--spi-psc-health--default--interval-seconds=" + HEALTH_INTERVAL_SECONDS);
        args.add("--db=" + options.database().keycloakName());
        if (options.database() == DatabaseKind.H2) {
            args.add("--db-url=jdbc:h2:file:" + data.h2Database() + ";NON_KEYWORDS=VALUE");
        } else {
            args.add("--db-url=" + options.dbUrl());
            if (options.dbUsername() != null) {
                args.add("--db-username=" + options.dbUsername());
            }
        }
        if (options.logJson()) {
            args.add("--log-console-output=json");
        }
        if (options.pushRelay() != null) {
            args.addAll(options.pushRelay().keycloakArguments());
        }
        args.add("--import-realm");
        return args;
    }

    /** The e-CPS calls a node holds at once (the provider's own default is production's, docs/operations.md). */
    static String maxEcpsWaits(int waits) {
        return "--spi-psc-ecps-waits--default--max-waits=" + waits;
    }

    /**
     * What every Keycloak behind a TLS front takes, the sandbox's and each node of a cluster: {@code kc.sh start} on
     * the loopback interface at {@code keycloakPort}, the front's certificate required, the certificate header
     * believed from the loopback address only, every URL built on {@code baseUrl}; health and metrics on the
     * management port; discovery names {@code authorizationEndpoint} ({@link SandboxOptions#authorizationEndpoint}).
     */
    static List<String> behindFront(Path keycloakHome, SandboxPki pki, int keycloakPort, Path frontTrustStore,
            String managementHost, int managementPort, String baseUrl, String authorizationEndpoint) {
        List<String> args = new ArrayList<>();
        args.add(keycloakHome.resolve("bin").resolve("kc.sh").toString());
        args.add("start");
        args.add("--http-enabled=false");
        args.add("--http-host=127.0.0.1");
        args.add("--http-management-host=" + managementHost);
        args.add("--https-port=" + keycloakPort);
        args.add("--https-certificate-file=" + pki.serverCertificate());
        args.add("--https-certificate-key-file=" + pki.serverKey());
        args.add("--https-client-auth=required");
        args.add("--https-trust-store-file=" + frontTrustStore);
        args.add("--https-trust-store-type=PKCS12");
        args.add("--https-management-client-auth=none");
        args.add("--spi-x509cert-lookup--provider=psc-proxy");
        args.add("--proxy-headers=xforwarded");
        args.add("--proxy-trusted-addresses=127.0.0.1");
        args.add("--http-relative-path=" + RELATIVE_PATH);
        args.add("--hostname=" + baseUrl);
        args.add("--hostname-strict=true");
        // The front answers PSC's authorization path (WalletAuthorization); discovery names it, as PSC's does.
        args.add("--spi-psc-realm--configured--authorization-endpoint=" + authorizationEndpoint);
        // Keycloak's own outgoing calls (back-channel logout tokens to relying services; the identity provider
        // hopital-demo's token and key requests, to the public port, i.e. the TLS front and its server certificate)
        // trust the sandbox CAs, which issue those HTTPS certificates (the demo's among them), besides the JDK's.
        args.add("--truststore-paths=" + pki.caBundle());
        args.add("--http-management-port=" + managementPort);
        args.add("--health-enabled=true");
        args.add("--metrics-enabled=true");
        // Keycloak's own keycloak_user_events_total beside PSC's metrics (docs/runbook.md).
        args.add("--event-metrics-user-enabled=true");
        return args;
    }

    /** {@code trustStorePassword}: of the front's trust store, made at each start. */
    static Map<String, String> environment(SandboxOptions options, String trustStorePassword) {
        Map<String, String> env = new HashMap<>();
        env.put("KC_HTTPS_TRUST_STORE_PASSWORD", trustStorePassword);
        env.put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", options.adminPassword());
        if (options.dbPassword() != null) {
            env.put("KC_DB_PASSWORD", options.dbPassword());
        }
        if (options.pushRelay() != null) {
            env.putAll(options.pushRelay().keycloakEnvironment());
        }
        return env;
    }
}
