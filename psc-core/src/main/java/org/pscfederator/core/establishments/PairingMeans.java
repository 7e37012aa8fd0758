package org.pscfederator.core.establishments;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the professional proved their national identity when pairing: the pairing store's {@code means}. */
public enum PairingMeans {
    CARD, ECPS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PairingMeans> of(String wire) {
        return Arrays.stream(values()).filter(m -> m.wire().equals(wire)).findFirst();
    }
}
