package org.pscfederator.keycloak.space;

import java.util.Map;

import org.keycloak.events.Event;
import org.pscfederator.core.events.EventDetail;

/** One of the professional's recent logins, from the realm's stored events. Getters, for the page's template. */
public final class LoginRow {

    private final Event event;
    private final String service;
    private final String deviceLabel;

    LoginRow(Event event, String service, String deviceLabel) {
        this.event = event;
        this.service = service;
        this.deviceLabel = deviceLabel;
    }

    public String getId() {
        return event.getId();
    }

    public String getWhen() {
        return ParisTime.ofMillis(event.getTime());
    }

    /** {@code CPS} or {@code e-CPS}; empty for a login of another kind. */
    public String getMeans() {
        return detail(EventDetail.MEANS);
    }

    public String getService() {
        return service;
    }

    public String getAddress() {
        return event.getIpAddress() == null ? "" : event.getIpAddress();
    }

    public String getDevice() {
        return deviceLabel;
    }

    public String getDeviceId() {
        return detail(EventDetail.DEVICE);
    }

    public String getCardSerial() {
        return detail(EventDetail.CERT_SERIAL);
    }

    private String detail(EventDetail name) {
        Map<String, String> details = event.getDetails();
        String value = details == null ? null : details.get(name.wire());
        return value == null ? "" : value;
    }
}
