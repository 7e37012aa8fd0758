package org.pscfederator.core.establishments;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code amr} PSC states after a delegated login (an establishment's login of a paired professional): the marker
 * {@code fed} first, then the values of the establishment's login that PSC's rule counted, e.g.
 * {@code ["fed","pwd","otp"]}. The marker is how a relying service tells a delegated login from a card or e-CPS one
 * (docs/claims.md).
 */
public final class DelegatedAmr {

    /** RFC 8176's "federated" method: the login was done by another party PSC trusts. */
    public static final String MARKER = "fed";

    private DelegatedAmr() {
    }

    /** The delegated amr of a met verdict. */
    public static List<String> of(AmrVerdict verdict) {
        if (!verdict.isMet()) {
            throw new IllegalArgumentException("only a met verdict makes a delegated login");
        }
        List<String> amr = new ArrayList<>();
        amr.add(MARKER);
        verdict.counted().stream().filter(v -> !v.equals(MARKER)).forEach(amr::add);
        return List.copyOf(amr);
    }

    /** Whether these amr values are a delegated login's. */
    public static boolean isDelegated(List<String> amr) {
        return amr != null && !amr.isEmpty() && MARKER.equals(amr.get(0));
    }
}
