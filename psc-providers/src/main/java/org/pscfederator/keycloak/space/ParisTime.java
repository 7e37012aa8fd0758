package org.pscfederator.keycloak.space;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the space shows them: day and minute, in Paris time (the page says so). */
final class ParisTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    private ParisTime() {
    }

    static String of(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    static String ofMillis(long millis) {
        return of(Instant.ofEpochMilli(millis));
    }
}
