package org.pscfederator.ecps;

import java.time.Instant;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Pushes per idNat and per source address per minute, counted cluster-wide: each push takes one of the minute's
 * numbered slots with {@code putIfAbsent}; when every slot is taken, the limit is reached.
 */
public final class PushLimits {

    private final SingleUseObjectProvider store;

    public PushLimits(KeycloakSession session) {
        this(session.singleUseObjects());
    }

    PushLimits(SingleUseObjectProvider store) {
        this.store = store;
    }

    public enum Verdict { ALLOWED, ID_NAT_LIMIT, ADDRESS_LIMIT }

    public Verdict take(String idNat, String address, EcpsSettings settings) {
        long minute = Instant.now().getEpochSecond() / 60;
        if (!takeSlot("psc-ecps-push-addr:" + address + ":" + minute, settings.pushesPerAddressPerMinute())) {
            return Verdict.ADDRESS_LIMIT;
        }
        if (!takeSlot("psc-ecps-push-idnat:" + idNat + ":" + minute, settings.pushesPerIdNatPerMinute())) {
            return Verdict.ID_NAT_LIMIT;
        }
        return Verdict.ALLOWED;
    }

    private boolean takeSlot(String prefix, int limit) {
        for (int slot = 0; slot < limit; slot++) {
            if (store.putIfAbsent(prefix + ":" + slot, 120)) {
                return true;
            }
        }
        return false;
    }
}
