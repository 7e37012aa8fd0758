package org.pscfederator.keycloak.ecps;

/** How a request ended. Only {@link #APPROVED} lets anyone in. */
public enum Outcome {
    APPROVED, DENIED, WRONG_CODE, EXPIRED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
