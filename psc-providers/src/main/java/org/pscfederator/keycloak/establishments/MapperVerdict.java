package org.pscfederator.keycloak.establishments;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pscfederator.core.establishments.AmrVerdict;
import org.pscfederator.core.establishments.DelegatedAmr;
import org.pscfederator.core.establishments.EstablishmentRefusal;

/**
 * What the {@code psc-establishment} mapper concluded about a login at an establishment's provider: met (with the
 * amr values counted), or a refusal; and, when it ended a pairing that no longer held, why. It travels to the broker
 * flows in the brokered context's data, as strings only: Keycloak clears the authentication session's notes before
 * the first broker login, and serialises the context data (a string as itself) into the session across redirects.
 * A verdict missing or malformed reads as {@code not_establishment}: no verdict, no login.
 */
public record MapperVerdict(EstablishmentRefusal refusal, AmrVerdict amr, EstablishmentRefusal ended) {

    /** {@code met}, or the refusal's code. */
    public static final String VERDICT = "psc.establishment.verdict";
    /** The amr values counted, space-separated, when met. */
    public static final String AMR = "psc.establishment.amr";
    /** The code of the reason a pairing was ended by this login's checks (expired, left the directory...). */
    public static final String ENDED = "psc.establishment.ended";
    static final String MET = "met";

    public MapperVerdict {
        if ((refusal == null) == (amr == null) || (amr != null && !amr.isMet())) {
            throw new IllegalArgumentException("a verdict is either met, with its amr, or a refusal");
        }
    }

    public static MapperVerdict met(AmrVerdict amr, EstablishmentRefusal ended) {
        return new MapperVerdict(null, amr, ended);
    }

    public static MapperVerdict refused(EstablishmentRefusal refusal, EstablishmentRefusal ended) {
        return new MapperVerdict(refusal, null, ended);
    }

    public boolean isMet() {
        return refusal == null;
    }

    public Optional<EstablishmentRefusal> endedPairing() {
        return Optional.ofNullable(ended);
    }

    /** The amr PSC states for this login, space-separated, as the amr note holds it. */
    public String delegatedAmrNote() {
        return String.join(" ", DelegatedAmr.of(amr));
    }

    public void writeTo(Map<String, Object> contextData) {
        contextData.put(VERDICT, isMet() ? MET : refusal.code());
        if (isMet()) {
            contextData.put(AMR, amr.countedWire());
        } else {
            contextData.remove(AMR);
        }
        if (ended != null) {
            contextData.put(ENDED, ended.code());
        } else {
            contextData.remove(ENDED);
        }
    }

    /** The verdict the mapper left; {@code not_establishment} when there is none or it cannot be read. */
    public static MapperVerdict readFrom(Map<String, Object> contextData) {
        EstablishmentRefusal ended = refusal(text(contextData, ENDED)).orElse(null);
        String verdict = text(contextData, VERDICT);
        if (MET.equals(verdict)) {
            return AmrVerdict.read(AmrVerdict.Outcome.MET.wire(), text(contextData, AMR))
                    .map(amr -> met(amr, ended))
                    .orElseGet(() -> refused(EstablishmentRefusal.NOT_ESTABLISHMENT, ended));
        }
        return refused(refusal(verdict).orElse(EstablishmentRefusal.NOT_ESTABLISHMENT), ended);
    }

    private static String text(Map<String, Object> contextData, String key) {
        Object value = contextData == null ? null : contextData.get(key);
        return value instanceof String text ? text : null;
    }

    private static Optional<EstablishmentRefusal> refusal(String code) {
        return Arrays.stream(EstablishmentRefusal.values()).filter(r -> r.code().equals(code)).findFirst();
    }

    List<String> delegatedAmr() {
        return DelegatedAmr.of(amr);
    }
}
