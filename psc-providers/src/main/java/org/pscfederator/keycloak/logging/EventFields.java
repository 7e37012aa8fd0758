package org.pscfederator.keycloak.logging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.keycloak.events.EventBuilder;
import org.pscfederator.core.events.EventDetail;

/**
 * A log line that carries its event's PSC details (psc_means, psc_reason, psc_idnat, psc_cert_serial...) under the
 * events' own names: in the text as {@code name=value}, and as MDC fields, which Keycloak's JSON log
 * ({@code --log-console-output=json}) writes in each line's {@code mdc} object. A SIEM then joins log lines and
 * events on the same fields.
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

    /** Logs {@code message} at INFO with the event's PSC details. */
    public static void info(Logger log, String message, EventBuilder event) {
        Map<String, String> fields = of(event);
        StringBuilder line = new StringBuilder(message);
        fields.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
        fields.forEach(MDC::put);
        try {
            log.info(line.toString());
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }
}
