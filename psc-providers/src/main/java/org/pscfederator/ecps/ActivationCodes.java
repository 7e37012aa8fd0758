package org.pscfederator.ecps;

import java.security.SecureRandom;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * One-time activation codes (8 digits) bound to an idNat, in the single-use store: valid for a short time, used at
 * most once, and dropped after {@value #MAX_FAILURES} wrong tries so they cannot be guessed.
 */
public final class ActivationCodes {

    static final int MAX_FAILURES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY = "psc-ecps-activation:";

    private final SingleUseObjectProvider store;

    public ActivationCodes(KeycloakSession session) {
        this.store = session.singleUseObjects();
    }

    public String issue(String idNat, int seconds) {
        String code = String.format("%08d", RANDOM.nextInt(100_000_000));
        String nonce = Long.toHexString(RANDOM.nextLong());
        store.put(KEY + idNat, seconds, Map.of("code", code, "nonce", nonce));
        return code;
    }

    /** True once for the right code; a wrong one counts towards dropping the code. */
    public boolean redeem(String idNat, String code) {
        Map<String, String> issued = store.get(KEY + idNat);
        if (issued == null || code == null) {
            return false;
        }
        if (!java.security.MessageDigest.isEqual(issued.get("code").getBytes(), code.getBytes())) {
            boolean counted = false;
            for (int i = 0; i < MAX_FAILURES && !counted; i++) {
                counted = store.putIfAbsent(KEY + "fail:" + idNat + ":" + issued.get("nonce") + ":" + i, 3600);
            }
            if (!counted) {
                store.remove(KEY + idNat);
            }
            return false;
        }
        // Exactly one registration per code, even when two arrive at once.
        if (!store.putIfAbsent(KEY + "used:" + issued.get("nonce"), 3600)) {
            return false;
        }
        store.remove(KEY + idNat);
        return true;
    }
}
