package org.pscfederator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

/** {@code --since} and {@code --until}: a day in UTC or an instant with its offset, nothing else. */
class DateOptionTest {

    private final DateOption dates = new DateOption();

    @Test
    void aDayIsItsMidnightInUtc() {
        assertThat(dates.convert("2026-12-02")).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    }

    @Test
    void anInstantKeepsItsOffset() {
        assertThat(dates.convert("2026-12-02T09:30:00+01:00")).isEqualTo(Instant.parse("2026-12-02T08:30:00Z"));
        assertThat(dates.convert("2026-12-02T08:30:00.250Z")).isEqualTo(Instant.parse("2026-12-02T08:30:00.250Z"));
    }

    @Test
    void anythingElseIsRefusedWithTheShapesExpected() {
        for (String bad : new String[] {"yesterday", "02/12/2026", "2026-13-01", "2026-12-02T08:30", "1764662400000"}) {
            assertThatThrownBy(() -> dates.convert(bad)).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("not a date").hasMessageContaining("2026-12-02T08:30:00Z");
        }
    }

    @Test
    void untilBeforeSinceIsRefused() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        assertThat(DateOption.until(null, null, now)).isEqualTo(now);
        assertThatThrownBy(() -> DateOption.until(now, now.minusSeconds(1), now))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("comes before --since");
    }
}
