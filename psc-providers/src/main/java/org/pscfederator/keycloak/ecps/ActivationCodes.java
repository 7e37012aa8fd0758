package org.pscfederator.keycloak.ecps;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.pscfederator.core.settings.EcpsSettings;

/**
 * One-time activation codes (8 digits) bound to an idNat, in the single-use store: valid for a short time, used at
 * most once. Guessing is bounded per idNat and per address over an hour, whichever code was issued meanwhile (a new
 * code does not start the count again), and a guess past the bound is not even compared. Codes sent to the
 * directory's contact details are bounded the same way, which also bounds the messages a professional receives.
 */
public final class ActivationCodes {

    private static final int HOUR = 3600;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY = "psc-ecps-activation:";

    private final SingleUseObjectProvider store;
    private final Quota quota;

    public ActivationCodes(KeycloakSession session) {
        this(session.singleUseObjects());
    }

    ActivationCodes(SingleUseObjectProvider store) {
        this.store = store;
        this.quota = new Quota(store);
    }

    public enum Redemption { REGISTERED, WRONG_CODE, TOO_MANY_GUESSES }

    public enum Request { ALLOWED, ID_NAT_LIMIT, ADDRESS_LIMIT }

    /** Takes one of the hour's code requests by contact for this idNat and this address. */
    public Request takeContactRequest(String idNat, String address, EcpsSettings settings) {
        if (!quota.take(KEY + "request-addr:" + address, settings.activationsPerAddressPerHour(), HOUR)) {
            return Request.ADDRESS_LIMIT;
        }
        if (!quota.take(KEY + "request-idnat:" + idNat, settings.activationsPerIdNatPerHour(), HOUR)) {
            return Request.ID_NAT_LIMIT;
        }
        return Request.ALLOWED;
    }

    public String issue(String idNat, int seconds) {
        String code = String.format("%08d", RANDOM.nextInt(100_000_000));
        String nonce = Long.toHexString(RANDOM.nextLong());
        store.put(KEY + idNat, seconds, Map.of("code", code, "nonce", nonce));
        return code;
    }

    /** REGISTERED once for the right code; a wrong one counts, for the idNat and for the address. */
    public Redemption redeem(String idNat, String address, String code, EcpsSettings settings) {
        String perIdNat = KEY + "guess-idnat:" + idNat;
        String perAddress = KEY + "guess-addr:" + address;
        if (quota.spent(perIdNat, settings.activationGuessesPerIdNatPerHour(), HOUR)
                || quota.spent(perAddress, settings.activationGuessesPerAddressPerHour(), HOUR)) {
            return Redemption.TOO_MANY_GUESSES;
        }
        Map<String, String> issued = store.get(KEY + idNat);
        if (issued == null || code == null || !MessageDigest.isEqual(issued.get("code").getBytes(StandardCharsets.UTF_8),
                code.getBytes(StandardCharsets.UTF_8))) {
            quota.take(perAddress, settings.activationGuessesPerAddressPerHour(), HOUR);
            if (!quota.take(perIdNat, settings.activationGuessesPerIdNatPerHour(), HOUR)
                    || quota.spent(perIdNat, settings.activationGuessesPerIdNatPerHour(), HOUR)) {
                // The last allowed guess was wrong: the code is of no more use this hour.
                store.remove(KEY + idNat);
            }
            return Redemption.WRONG_CODE;
        }
        // Exactly one registration per code, even when two arrive at once.
        if (!store.putIfAbsent(KEY + "used:" + issued.get("nonce"), HOUR)) {
            return Redemption.WRONG_CODE;
        }
        store.remove(KEY + idNat);
        return Redemption.REGISTERED;
    }

    /** Seconds until this hour's counts start again, for Retry-After. */
    public static long secondsLeft() {
        return Quota.secondsLeft(HOUR);
    }
}
