package org.pscfederator.keycloak.ecps;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
 * The push is sent asynchronously: no login's thread waits for the relay.
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

    /**
     * Sends one push per device and returns at once: the login's worker thread does not wait for the relay (3 s to
     * connect, 5 s to answer at most); each outcome is counted and logged when it comes.
     */
    @Override
    public void notify(List<Device> devices, EcpsRequest request) {
        for (Device device : devices) {
            post(device, request);
        }
    }

    /**
     * Posts the push; completes with the relay's HTTP status, or -1 if it could not be reached, once the failure (if
     * any) is counted and logged, once, with its cause.
     */
    CompletableFuture<Integer> post(Device device, EcpsRequest request) {
        String body = "{\"device_id\":\"" + device.id() + "\",\"request_id\":\"" + request.id()
                + "\",\"expires_at\":" + request.expiresAt().getEpochSecond() + "}";
        HttpRequest push = HttpRequest.newBuilder(relay).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.sendAsync(push, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> outcome(device, request, response, failure));
    }

    private static int outcome(Device device, EcpsRequest request, HttpResponse<Void> response, Throwable failure) {
        if (failure != null) {
            PscMeters.count(PscMetric.ECPS_PUSH_FAILURES, "unreachable");
            EventFields.log(LOG, Logger.Level.WARN, "push relay unreachable for device " + LoggedText.of(device.id())
                    + ": not pushed (" + LoggedText.of(cause(failure)) + ")", fields(device, request));
            return -1;
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            PscMeters.count(PscMetric.ECPS_PUSH_FAILURES, "http_status");
            EventFields.log(LOG, Logger.Level.WARN, "push relay answered HTTP " + status + " for device "
                    + LoggedText.of(device.id()) + ": not pushed", fields(device, request));
        }
        return status;
    }

    /** The device and the request, as their events name them, for a SIEM to join the line to the login. */
    private static Map<String, String> fields(Device device, EcpsRequest request) {
        return Map.of(EventDetail.DEVICE.wire(), LoggedText.of(device.id()),
                EventDetail.ECPS_REQUEST.wire(), LoggedText.of(request.id()));
    }

    /** The failure's kind and message, down to its first cause: the JDK's client often says nothing at the top. */
    private static String cause(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable top = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        for (Throwable t = top; t != null && text.length() < 200; t = t.getCause() == t ? null : t.getCause()) {
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
