package org.pscfederator.sandbox;

import java.nio.file.Path;
import java.util.List;

import org.pscfederator.core.ecps.HeldCalls;

/**
 * HAProxy before the cluster, doing what the sandbox's TLS front does ({@link TlsFront}): TLS on the public port,
 * a client certificate asked for and any let through the handshake (the login checks it), the leaf passed to
 * Keycloak as URL-encoded PEM in {@value TlsFront#CERTIFICATE_HEADER} (whatever a client sent under that name, or
 * as X-Forwarded-*, is dropped first), and mutual TLS towards every node with the front's key. Round robin, no
 * stickiness; nodes are checked on their management port's readiness; the response names the node that served it.
 * The e-CPS calls a node holds open ({@link HeldCalls}) go through a backend of their own, sized by the waits a node
 * holds and a little more: counted among ordinary requests they would fill a node's share and queue the logins behind
 * them.
 */
record HaproxyConfig(int publicPort, Path serverPem, Path caHints, Path nodeTrust, Path frontPem, Path adminSocket,
        int nodeMaxConnections, int maxEcpsWaits, List<ClusterNode> nodes, WalletAuthorization wallet) {

    static final String NODE_HEADER = "X-Psc-Node";
    static final String NODES_BACKEND = "nodes";
    static final String WAITS_BACKEND = "waits";
    /** Longer than the longest call Keycloak holds: the e-CPS long polls (25 s). */
    static final String SERVER_TIMEOUT = "40s";
    /** Beyond a node's share of connections a request waits this long in HAProxy at most, then gets a 503. */
    static final String QUEUE_TIMEOUT = "2s";
    /** Client connections beyond what the nodes take at once: room for the queue and its refusals. */
    static final int SPARE_CONNECTIONS = 1000;
    /**
     * Connections beyond a node's e-CPS limit that HAProxy still sends it, so that the node itself refuses the call at
     * once, with the {@code too_many_waits} and {@code Retry-After} that the wait page and the phone understand,
     * instead of HAProxy queueing it 2 s and answering a bare 503.
     */
    static final int WAITS_REFUSAL_ROOM = 50;
    /** Past its global maxconn HAProxy stops accepting connections, which then hang: never fewer than this. */
    static final int LEAST_GLOBAL_CONNECTIONS = 4000;

    String text() {
        String header = TlsFront.CERTIFICATE_HEADER;
        StringBuilder config = new StringBuilder();
        config.append("""
                # Written by bin/psc-cluster at each start (docs/cluster.md); edits are lost at the next start.
                global
                    log stdout format raw local0 info
                    maxconn %d
                    stats socket %s mode 600 level admin
                    ssl-default-bind-options ssl-min-ver TLSv1.2
                    ssl-default-server-options ssl-min-ver TLSv1.2

                defaults
                    mode http
                    log global
                    option httplog
                    option redispatch
                    retries 2
                    retry-on conn-failure empty-response
                    timeout connect 3s
                    timeout client 60s
                    timeout http-request 10s
                    timeout server %s
                    timeout queue %s
                    timeout check 3s

                frontend psc
                    bind 127.0.0.1:%d ssl crt %s ca-file %s verify optional ca-ignore-err all crt-ignore-err all alpn http/1.1
                    http-request deny deny_status 413 if { req.hdr_val(content-length) gt %d }
                    http-request del-header %s
                    http-request del-header x-forwarded-for
                    http-request del-header x-forwarded-proto
                    http-request del-header x-forwarded-host
                    http-request del-header x-forwarded-port
                    http-request del-header x-forwarded-trusted-proxy
                    http-request del-header forwarded
                    http-request set-header %s "-----BEGIN+CERTIFICATE-----%%%%0A%%[ssl_c_der,base64,url_enc]%%%%0A-----END+CERTIFICATE-----%%%%0A" if { ssl_c_used }
                    http-request set-header X-Forwarded-For %%[src]
                    http-request set-header X-Forwarded-Proto https
                    http-request set-header X-Forwarded-Port %%[dst_port]
                    http-response set-header %s %%s
                    # PSC's authorization URL /auth, sent on to the realm's endpoint as the sandbox's front does.
                    http-request redirect code 307 location %s if { path %s } { method POST }
                    http-request redirect code 303 location %s?%%[query] if { path %s } { query -m found }
                    http-request redirect code 303 location %s if { path %s }
                    # The e-CPS calls a node holds open: a connection each, not a place among ordinary requests.
                    use_backend %s if { path_reg %s }
                    default_backend %s

                backend %s
                    balance roundrobin
                    option httpchk GET /auth/health/ready
                    http-check expect status 200
                    default-server %s check check-ssl inter 2s fall 2 rise 2 maxconn %d
                """.formatted(globalMaxConnections(), adminSocket, SERVER_TIMEOUT, QUEUE_TIMEOUT, publicPort,
                serverPem, caHints, TlsFront.MAX_BODY_BYTES, header, header, NODE_HEADER,
                wallet.realmEndpoint(), WalletAuthorization.PATH, wallet.realmEndpoint(), WalletAuthorization.PATH,
                wallet.realmEndpoint(), WalletAuthorization.PATH, WAITS_BACKEND, HeldCalls.pathPattern("/auth"),
                NODES_BACKEND, NODES_BACKEND, towardsNodes(), nodeMaxConnections));
        for (ClusterNode node : nodes) {
            config.append("    server ").append(node.name()).append(" 127.0.0.1:").append(node.httpsPort())
                    .append(" port ").append(node.managementPort()).append('\n');
        }
        // The same nodes, whose state (up, down, drained) follows the ordinary backend's: one health check per node.
        config.append("""

                backend %s
                    balance roundrobin
                    default-server %s maxconn %d
                """.formatted(WAITS_BACKEND, towardsNodes(), maxEcpsWaits + WAITS_REFUSAL_ROOM));
        for (ClusterNode node : nodes) {
            config.append("    server ").append(node.name()).append(" 127.0.0.1:").append(node.httpsPort())
                    .append(" track ").append(NODES_BACKEND).append('/').append(node.name()).append('\n');
        }
        return config.toString();
    }

    /** Every node's ordinary requests and held calls at once, and room for the queue and its refusals. */
    int globalMaxConnections() {
        return Math.max(LEAST_GLOBAL_CONNECTIONS, nodes.size() * (nodeMaxConnections + maxEcpsWaits + WAITS_REFUSAL_ROOM)
                + SPARE_CONNECTIONS);
    }

    private String towardsNodes() {
        return "ssl verify required ca-file " + nodeTrust + " crt " + frontPem
                + " sni str(localhost) verifyhost localhost";
    }
}
