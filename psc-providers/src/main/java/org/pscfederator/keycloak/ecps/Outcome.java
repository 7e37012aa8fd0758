package org.pscfederator.keycloak.ecps;

import org.pscfederator.core.events.EcpsRefusal;

/** How a request ended. Only {@link #APPROVED} lets anyone in; the others are refusals of their own. */
public enum Outcome {
    APPROVED(null), DENIED(EcpsRefusal.DENIED), WRONG_CODE(EcpsRefusal.WRONG_CODE), EXPIRED(EcpsRefusal.EXPIRED);

    private final EcpsRefusal refusal;

    Outcome(EcpsRefusal refusal) {
        this.refusal = refusal;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The refusal it is, null for {@link #APPROVED}. */
    public EcpsRefusal refusal() {
        return refusal;
    }
}
