package org.pscfederator.keycloak.ecps;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** A professional's registered e-CPS device: its public key signs approvals; a revoked device signs nothing more. */
public record Device(String id, String idNat, String publicJwk, String label, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {

    /** The shape of a device id as a caller may name it (ours are UUIDs); anything else names no device. */
    private static final Pattern ID_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The id as named, when it has a device id's shape. */
    public static Optional<String> wellFormedId(String named) {
        return named != null && ID_SHAPE.matcher(named).matches() ? Optional.of(named) : Optional.empty();
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
