package org.pscfederator.sandbox;

import java.util.List;

/**
 * The {@code kc.sh start} command line of a cluster node: the sandbox's, behind the front, with Keycloak's own
 * clustering (embedded Infinispan, JGroups discovery through the database) on PostgreSQL, persistent user sessions
 * (on by default in Keycloak 26) and load shedding. Secrets go through the environment ({@link KeycloakCommand}).
 */
final class ClusterNodeCommand {

    private ClusterNodeCommand() {
    }

    /** {@code importRealm}: the first node only, which starts alone and creates the realm. */
    static List<String> arguments(ClusterOptions options, ClusterNode node, SandboxPki pki, boolean importRealm) {
        SandboxOptions sandbox = options.sandbox();
        List<String> args = KeycloakCommand.behindFront(node.home(), pki, node.httpsPort(), node.frontTrustStore(),
                "127.0.0.1", node.managementPort(), sandbox.baseUrl(),
                sandbox.authorizationEndpoint());
        args.add("--cache=ispn");
        args.add("--cache-stack=jdbc-ping");
        args.add("--cache-embedded-network-bind-address=127.0.0.1");
        args.add("--cache-embedded-network-bind-port=" + node.jgroupsPort());
        args.add("--db=postgres");
        args.add("--db-url=" + options.dbUrl);
        args.add("--db-username=" + options.dbUsername);
        args.add("--db-pool-max-size=" + options.dbPoolMaxSize);
        args.add("--http-max-queued-requests=" + options.maxQueuedRequests);
        args.add(KeycloakCommand.maxEcpsWaits(options.maxEcpsWaits));
        if (importRealm) {
            args.add("--import-realm");
        }
        return args;
    }
}
