package org.pscfederator.sandbox;

import java.nio.file.Path;
import java.util.Set;

/**
 * One Keycloak node of the cluster: its own server folder, its loopback ports (HTTPS behind HAProxy, management,
 * cluster transport) and its log.
 */
record ClusterNode(String name, Path home, int httpsPort, int managementPort, int jgroupsPort, Path log) {

    /** {@code promised}: the ports already given out (public, cluster transport, other nodes'), which it adds to. */
    static ClusterNode of(int number, Path clusterRoot, int jgroupsPort, Set<Integer> promised) {
        String name = "node-" + number;
        return new ClusterNode(name, clusterRoot.resolve("nodes").resolve(name), Preflight.freeLoopbackPort(promised),
                Preflight.freeLoopbackPort(promised), jgroupsPort, clusterRoot.resolve("logs").resolve(name + ".log"));
    }

    /** Keycloak's trust store for client certificates: HAProxy's certificate of this start, alone. */
    Path frontTrustStore() {
        return home.resolve("conf").resolve("front-trust.p12");
    }

    String healthUrl() {
        return "https://localhost:" + managementPort + KeycloakCommand.RELATIVE_PATH + "/health/ready";
    }
}
