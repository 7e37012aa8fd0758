package org.pscfederator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What HAProxy is told: who may set the certificate header, how it reaches the nodes, how it checks them. */
@Tag("cluster")
class HaproxyConfigTest {

    private static final List<ClusterNode> NODES = List.of(
            new ClusterNode("node-1", Path.of("/n1"), 40001, 40002, 7800, Path.of("/n1.log")),
            new ClusterNode("node-2", Path.of("/n2"), 40011, 40012, 7801, Path.of("/n2.log")));
    private static final String TEXT = new HaproxyConfig(8443, Path.of("/h/server.pem"), Path.of("/h/hints.pem"),
            Path.of("/pki/ca-bundle.pem"), Path.of("/h/front.pem"), Path.of("/h/admin.sock"), 100, 400, NODES,
            new WalletAuthorization("esante-wallet")).text();

    @Test
    void pscsAuthorizationUrlIsSentOnToTheRealmsEndpointAsTheSandboxFrontDoes() {
        String realm = "/auth/realms/esante-wallet/protocol/openid-connect/auth";
        assertThat(TEXT).contains("http-request redirect code 307 location " + realm + " if { path /auth } { method POST }",
                "http-request redirect code 303 location " + realm + "?%[query] if { path /auth } { query -m found }",
                "http-request redirect code 303 location " + realm + " if { path /auth }");
    }

    @Test
    void clientCertificateIsAskedForAndAnyLetThroughTheHandshake() {
        assertThat(TEXT).contains("bind 127.0.0.1:8443 ssl crt /h/server.pem ca-file /h/hints.pem verify optional "
                + "ca-ignore-err all crt-ignore-err all");
    }

    @Test
    void headersAClientSendsAreDroppedBeforeTheBalancerSetsItsOwn() {
        int dropped = TEXT.indexOf("http-request del-header ssl-client-cert");
        int set = TEXT.indexOf("http-request set-header ssl-client-cert \"-----BEGIN+CERTIFICATE-----%%0A"
                + "%[ssl_c_der,base64,url_enc]%%0A-----END+CERTIFICATE-----%%0A\" if { ssl_c_used }");
        assertThat(dropped).isPositive();
        assertThat(set).isGreaterThan(dropped);
        assertThat(TEXT).contains("del-header x-forwarded-for", "del-header forwarded",
                "del-header x-forwarded-trusted-proxy", "set-header X-Forwarded-For %[src]");
    }

    @Test
    void nodesAreReachedOverMutualTlsAndCheckedOnTheirManagementPort() {
        assertThat(TEXT).contains("ssl verify required ca-file /pki/ca-bundle.pem crt /h/front.pem",
                "option httpchk GET /auth/health/ready", "balance roundrobin",
                "server node-1 127.0.0.1:40001 port 40002", "server node-2 127.0.0.1:40011 port 40012");
        assertThat(TEXT).doesNotContain("cookie ", "stick ");
    }

    @Test
    void beyondANodesShareRequestsWaitTwoSecondsAtMost() {
        assertThat(TEXT).contains("maxconn 100", "timeout queue 2s");
    }

    @Test
    void ecpsWaitsGoThroughABackendOfTheirOwnSizedSoThatTheNodeItselfRefusesPastItsLimit() {
        assertThat(TEXT).contains("use_backend waits if { path_reg "
                + "^/auth/realms/[^/]+/psc-ecps/(v1/device/pending|v1/browser/requests/[^/]+)$ }",
                "default_backend nodes");
        String waits = TEXT.substring(TEXT.indexOf("\nbackend waits"));
        assertThat(waits).contains("maxconn 450",
                "server node-1 127.0.0.1:40001 track nodes/node-1", "server node-2 127.0.0.1:40011 track nodes/node-2");
        assertThat(waits).doesNotContain("maxconn 100");
    }

    @Test
    void theBalancerTakesEveryNodesRequestsAndWaitsAtOnce() {
        HaproxyConfig big = new HaproxyConfig(8443, Path.of("/s"), Path.of("/h"), Path.of("/t"), Path.of("/f"),
                Path.of("/a"), 100, 3000, NODES, new WalletAuthorization("esante-wallet"));
        assertThat(big.text()).contains("maxconn " + (2 * (100 + 3000 + 50) + 1000) + "\n");
        assertThat(TEXT).contains("    maxconn 4000\n");
    }
}
