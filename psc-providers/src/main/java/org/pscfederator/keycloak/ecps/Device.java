package org.pscfederator.keycloak.ecps;

import java.time.Instant;

/** A professional's registered e-CPS device: its public key signs approvals; a revoked device signs nothing more. */
public record Device(String id, String idNat, String publicJwk, String label, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
