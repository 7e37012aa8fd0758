package org.pscfederator.keycloak.establishments;

import java.time.Instant;
import java.util.Objects;

import org.pscfederator.core.establishments.PairingMeans;

/**
 * One local account of an establishment paired with a professional: the row of {@code PSC_PAIRING}. The user id is
 * Keycloak's (the directory's storage id), so that a check compares it with the user of the link, not a name.
 */
public record Pairing(String realmId, String provider, String subject, String idNat, String userId,
        Instant createdAt, PairingMeans means, Instant expiresAt) {

    public Pairing {
        Objects.requireNonNull(realmId, "realmId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(idNat, "idNat");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a pairing expires after it is made");
        }
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
