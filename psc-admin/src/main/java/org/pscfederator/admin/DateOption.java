package org.pscfederator.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --since} and {@code --until}: a day ({@code 2026-12-02}, midnight UTC) or an instant with its offset
 * ({@code 2026-12-02T08:30:00Z}, {@code 2026-12-02T09:30:00+01:00}). Anything else is refused before the server is
 * asked.
 */
final class DateOption implements ITypeConverter<Instant> {

    static final String SHAPES = "a day 2026-12-02 (UTC) or an instant 2026-12-02T08:30:00Z";

    @Override
    public Instant convert(String text) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("not a date (" + SHAPES + "): " + text);
        }
    }

    /** A period the way the commands take it: until defaults to now, and must not come before since. */
    static Instant until(Instant since, Instant until, Instant now) {
        Instant end = until == null ? now : until;
        if (since != null && end.isBefore(since)) {
            throw new TypeConversionException("--until " + end + " comes before --since " + since);
        }
        return end;
    }
}
