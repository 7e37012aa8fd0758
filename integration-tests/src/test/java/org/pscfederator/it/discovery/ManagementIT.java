package org.pscfederator.it.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

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

    @Test
    void healthIsNotExposedOnThePublicPort(SandboxServer server) throws Exception {
        assertThat(server.get(server.baseUrl() + "/health/ready", null).statusCode()).isEqualTo(404);
    }
}
