package org.pscfederator.keycloak.ecps;

import java.time.Instant;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * How many times something happened per key in a fixed window, counted cluster-wide in Keycloak's single-use store:
 * each event takes the first free of the window's numbered slots with {@code putIfAbsent}; when every slot is taken,
 * the quota is spent until the next window.
 */
final class Quota {

    private final SingleUseObjectProvider store;

    Quota(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** Takes a slot; false when the window's {@code limit} slots are all taken already. */
    boolean take(String key, int limit, int windowSeconds) {
        String prefix = prefix(key, windowSeconds);
        for (int slot = 0; slot < limit; slot++) {
            if (store.putIfAbsent(prefix + slot, 2L * windowSeconds)) {
                return true;
            }
        }
        return false;
    }

    /** True when the window's slots are all taken, without taking one (slots are taken in order, so the last tells). */
    boolean spent(String key, int limit, int windowSeconds) {
        return store.contains(prefix(key, windowSeconds) + (limit - 1));
    }

    /** Seconds until the current window ends, for a client's Retry-After. */
    static long secondsLeft(int windowSeconds) {
        return windowSeconds - Instant.now().getEpochSecond() % windowSeconds;
    }

    private static String prefix(String key, int windowSeconds) {
        return key + ":" + Instant.now().getEpochSecond() / windowSeconds + ":";
    }
}
