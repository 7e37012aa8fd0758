package org.pscfederator.directory;

import org.pscfederator.core.identifiers.IdNat;

/** One line of the staff file: a CPE or CPA card holder of a structure. Optional values are "". */
public record StaffMember(
        long lineNumber,
        IdNat idNat,
        String civility,
        String lastName,
        String firstName,
        StaffCardType cardType,
        String structureId,
        String structureName,
        String activitySector,
        String email) {
}
