package org.pscfederator.core.claims;

import java.util.Arrays;
import java.util.List;

/** PSC's own claims, by their names on the wire (docs/domain/claims.md). */
public enum PscClaim {
    SUBJECT_NAME_ID("SubjectNameID"),
    SUBJECT_REF_PRO("SubjectRefPro"),
    SUBJECT_ROLE("SubjectRole"),
    SUBJECT_ORGANIZATION("SubjectOrganization"),
    SUBJECT_ORGANIZATION_ID("SubjectOrganizationID"),
    SECTEUR_ACTIVITE("Secteur_Activite"),
    OTHER_IDS("otherIds"),
    /** After a delegated login only: the alias of the establishment's identity provider that did the login. */
    ESTABLISHMENT("psc_establishment");

    private final String wire;

    PscClaim(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(PscClaim::wire).toList();
    }
}
