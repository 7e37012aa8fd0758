package org.pscfederator.core.establishments;

/**
 * Where one of a professional's activities takes place, as the national directory says it: the identifiers an
 * establishment's {@link StructureId} may name. Empty strings or nulls where the directory has none.
 */
public record ActivitySite(String finessSite, String finessJuridicalEntity, String siretSite,
        String technicalStructureId) {

    public ActivitySite {
        finessSite = blankToNull(finessSite);
        finessJuridicalEntity = blankToNull(finessJuridicalEntity);
        siretSite = blankToNull(siretSite);
        technicalStructureId = blankToNull(technicalStructureId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
