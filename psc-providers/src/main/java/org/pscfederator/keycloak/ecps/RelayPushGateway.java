package org.pscfederator.keycloak.ecps;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.jboss.logging.Logger;
import org.pscfederator.keycloak.logging.LoggedText;

import org.pscfederator.keycloak.metrics.PscMeters;
import org.pscfederator.keycloak.metrics.PscMetric;

/**
 * Production: posts each push to the push relay (which speaks to the phone platforms) over HTTPS with mutual TLS.
 * The body names the device and the request only; the relay learns neither the professional nor the codes.
 * A relay failure is logged and the login waits all the same: the app also fetches pending requests when opened.
 */
public final class RelayPushGateway implements PushGateway {

    private static final Logger LOG = Logger.getLogger(RelayPushGateway.class);

    private final URI relay;
    private final HttpClient client;

    public RelayPushGateway(URI relay, SSLContext mutualTls) {
        if (!"https".equals(relay.getScheme())) {
            throw new IllegalArgumentException("the push relay must be an https URL");
        }
        this.relay = relay;
        this.client = HttpClient.newBuilder().sslContext(mutualTls).connectTimeout(Duration.ofSeconds(3)).build();
    }

    @Override
    public void notify(List<Device> devices, EcpsRequest request) {
        for (Device device : devices) {
            int status = post(device, request);
            if (status / 100 != 2) {
                PscMeters.count(PscMetric.ECPS_PUSH_FAILURES, status < 0 ? "unreachable" : "http_status");
                LOG.warnf("push relay answered %d for device %s", status, LoggedText.of(device.id()));
            }
        }
    }

    /** The relay's HTTP status, or -1 if it could not be reached. */
    int post(Device device, EcpsRequest request) {
        String body = "{\"device_id\":\"" + device.id() + "\",\"request_id\":\"" + request.id()
                + "\",\"expires_at\":" + request.expiresAt().getEpochSecond() + "}";
        try {
            return client.send(HttpRequest.newBuilder(relay).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            LOG.warnf("push relay unreachable for device %s: %s", LoggedText.of(device.id()),
                    LoggedText.of(e.getMessage()));
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
