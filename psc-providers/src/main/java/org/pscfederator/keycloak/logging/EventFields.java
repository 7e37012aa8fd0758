package org.pscfederator.keycloak.logging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.keycloak.events.Event;
import org.keycloak.events.EventBuilder;
import org.pscfederator.core.events.EventDetail;

/**
 * A log line that carries its event's fields, so that a SIEM joins log lines and events on them. The event's PSC
 * details (psc_means, psc_reason, psc_idnat, psc_cert_serial...) go in the text as {@code name=value} and as MDC
 * fields; the event's own fields ({@code id}, {@code type}, {@code error}, {@code realmId}, {@code realmName}, {@code clientId},
 * {@code userId}, {@code ipAddress}, under the names Keycloak's admin API and {@code psc-admin events export} give
 * them) as MDC fields only. Keycloak's JSON log ({@code --log-console-output=json}) writes them in each line's
 * {@code mdc} object. Log after the event's {@code error()} or {@code success()}, so that its type is the one stored.
 */
public final class EventFields {

    private EventFields() {
    }

    /** The event's PSC details, in {@link EventDetail}'s order, each escaped for a log. */
    public static Map<String, String> of(EventBuilder event) {
        Map<String, String> details = event == null || event.getEvent() == null
                || event.getEvent().getDetails() == null ? Map.of() : event.getEvent().getDetails();
        Map<String, String> fields = new LinkedHashMap<>();
        for (EventDetail detail : EventDetail.values()) {
            String value = details.get(detail.wire());
            if (value != null) {
                fields.put(detail.wire(), LoggedText.of(value));
            }
        }
        return fields;
    }

    /** The event's own fields that are set, escaped for a log. */
    static Map<String, String> ofEvent(EventBuilder builder) {
        Map<String, String> fields = new LinkedHashMap<>();
        Event event = builder == null ? null : builder.getEvent();
        if (event == null) {
            return fields;
        }
        put(fields, "id", event.getId());
        put(fields, "type", event.getType());
        put(fields, "error", event.getError());
        put(fields, "realmId", event.getRealmId());
        put(fields, "realmName", event.getRealmName());
        put(fields, "clientId", event.getClientId());
        put(fields, "userId", event.getUserId());
        put(fields, "ipAddress", event.getIpAddress());
        return fields;
    }

    private static void put(Map<String, String> fields, String name, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            fields.put(name, LoggedText.of(value));
        }
    }

    /** Logs {@code message} at INFO with the event's fields. */
    public static void info(Logger log, String message, EventBuilder event) {
        Map<String, String> details = of(event);
        StringBuilder line = new StringBuilder(message);
        details.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
        Map<String, String> mdc = ofEvent(event);
        mdc.putAll(details);
        log(log, Logger.Level.INFO, line.toString(), mdc);
    }

    /**
     * Logs {@code message} with these fields in the MDC (PSC's detail names, values already escaped): a line about
     * something that is no event, a push that failed, joined to the events on the same fields.
     */
    public static void log(Logger log, Logger.Level level, String message, Map<String, String> fields) {
        fields.forEach(MDC::put);
        try {
            log.log(level, message);
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }
}
