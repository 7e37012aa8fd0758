package org.pscfederator.it.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

/** Sandbox: the management port serves health and metrics. */
@Tag("psc-sandbox")
@ExtendWith(SandboxServerExtension.class)
class ManagementIT {

    @Test
    void healthSaysUpOnTheManagementPort(SandboxServer server) throws Exception {
        assertThat(server.getJson(server.managementUrl() + "/health/ready").get("status").asText()).isEqualTo("UP");
        assertThat(server.getJson(server.managementUrl() + "/health/live").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsAreServedInPrometheusFormat(SandboxServer server) throws Exception {
        HttpResponse<String> metrics = server.get(server.managementUrl() + "/metrics", null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    /**
     * Health and metrics have no authentication: by default they listen on the loopback interface only. The public
     * port, which listens on every interface, answers on the same address, so that address is reachable.
     */
    @Test
    void managementPortDoesNotAnswerOffLoopback(SandboxServer server) throws Exception {
        Optional<InetAddress> address = nonLoopbackAddress();
        if (address.isEmpty()) {
            System.out.println("ManagementIT: skipped, this machine has no address off the loopback interface");
        }
        assumeTrue(address.isPresent(), "this machine has no address off the loopback interface");

        assertThat(accepts(address.get(), server.httpsPort())).as("the public port on " + address.get()).isTrue();
        assertThat(accepts(address.get(), server.managementPort())).as("the management port on " + address.get())
                .isFalse();
    }

    @Test
    void healthIsNotExposedOnThePublicPort(SandboxServer server) throws Exception {
        assertThat(server.get(server.baseUrl() + "/health/ready", null).statusCode()).isEqualTo(404);
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 3_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress())
                .findFirst();
    }
}
