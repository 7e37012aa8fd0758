package org.pscfederator.keycloak.ecps;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.jboss.logging.Logger;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.keycloak.logging.EventFields;
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
            if (status >= 0 && status / 100 != 2) {
                PscMeters.count(PscMetric.ECPS_PUSH_FAILURES, "http_status");
                EventFields.log(LOG, Logger.Level.WARN, "push relay answered HTTP " + status + " for device "
                        + LoggedText.of(device.id()) + ": not pushed", fields(device, request));
            } else if (status < 0) {
                PscMeters.count(PscMetric.ECPS_PUSH_FAILURES, "unreachable");
            }
        }
    }

    /** The relay's HTTP status, or -1 if it could not be reached (logged here, once, with the cause). */
    int post(Device device, EcpsRequest request) {
        String body = "{\"device_id\":\"" + device.id() + "\",\"request_id\":\"" + request.id()
                + "\",\"expires_at\":" + request.expiresAt().getEpochSecond() + "}";
        try {
            return client.send(HttpRequest.newBuilder(relay).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            EventFields.log(LOG, Logger.Level.WARN, "push relay unreachable for device " + LoggedText.of(device.id())
                    + ": not pushed (" + LoggedText.of(cause(e)) + ")", fields(device, request));
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warnf("push for device %s interrupted: not pushed", LoggedText.of(device.id()));
            return -1;
        }
    }

    /** The device and the request, as their events name them, for a SIEM to join the line to the login. */
    private static Map<String, String> fields(Device device, EcpsRequest request) {
        return Map.of(EventDetail.DEVICE.wire(), LoggedText.of(device.id()),
                EventDetail.ECPS_REQUEST.wire(), LoggedText.of(request.id()));
    }

    /** The failure's kind and message, down to its first cause: the JDK's client often says nothing at the top. */
    private static String cause(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 200; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(": ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                text.append(' ').append(t.getMessage());
            }
        }
        return text.toString();
    }
}
