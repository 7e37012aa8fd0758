package org.pscfederator.keycloak.ecps;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.pscfederator.core.settings.EcpsSettings;

/**
 * Pushes per minute, counted cluster-wide: per source address (every identifier), per identifier from one source,
 * and per identifier from every source. The per-source count comes first, so that someone flooding a professional
 * from one place spends that place's quota, not the professional's whole quota: the professional logging in from
 * elsewhere (or a relying service's CIBA request) still gets through until the overall ceiling.
 */
public final class PushLimits {

    private static final int MINUTE = 60;

    private final Quota quota;

    public PushLimits(KeycloakSession session) {
        this(session.singleUseObjects());
    }

    PushLimits(SingleUseObjectProvider store) {
        this.quota = new Quota(store);
    }

    public enum Verdict { ALLOWED, ID_NAT_LIMIT, ADDRESS_LIMIT }

    /** Takes one push for this identifier, from this address and this source (see {@link PushSource}). */
    public Verdict take(String idNat, String address, PushSource source, EcpsSettings settings) {
        if (!quota.take(perAddress(address), settings.pushesPerAddressPerMinute(), MINUTE)) {
            return Verdict.ADDRESS_LIMIT;
        }
        if (!quota.take(perIdNatFromSource(idNat, source), settings.pushesPerIdNatPerSourcePerMinute(), MINUTE)
                || !quota.take(perIdNat(idNat), settings.pushesPerIdNatPerMinute(), MINUTE)) {
            return Verdict.ID_NAT_LIMIT;
        }
        return Verdict.ALLOWED;
    }

    /** True if a push for this identifier from this source would be refused now; takes nothing. */
    public boolean spent(String idNat, String address, PushSource source, EcpsSettings settings) {
        return quota.spent(perAddress(address), settings.pushesPerAddressPerMinute(), MINUTE)
                || quota.spent(perIdNatFromSource(idNat, source), settings.pushesPerIdNatPerSourcePerMinute(), MINUTE)
                || quota.spent(perIdNat(idNat), settings.pushesPerIdNatPerMinute(), MINUTE);
    }

    private static String perAddress(String address) {
        return "psc-ecps-push-addr:" + address;
    }

    private static String perIdNatFromSource(String idNat, PushSource source) {
        return "psc-ecps-push-source:" + idNat + ":" + source.key();
    }

    private static String perIdNat(String idNat) {
        return "psc-ecps-push-idnat:" + idNat;
    }

    static long secondsLeft() {
        return Quota.secondsLeft(MINUTE);
    }
}
