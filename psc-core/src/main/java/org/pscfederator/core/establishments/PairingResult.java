package org.pscfederator.core.establishments;

import java.util.Locale;

/** What became of a pairing in an event ({@code psc_pairing}). */
public enum PairingResult {
    /** Recorded after the card or e-CPS login. */
    CREATED,
    /** A delegated login went through an existing pairing. */
    USED,
    /** Refused: {@code psc_reason} says why. */
    REFUSED,
    /** Ended (expired, removed, the professional left): {@code psc_reason} says why. */
    ENDED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
