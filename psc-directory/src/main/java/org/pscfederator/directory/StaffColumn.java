package org.pscfederator.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The columns of our structure staff file (docs/directory-files.md), in file order. The format is ours: ANS publishes
 * no file of CPE/CPA card holders. Same layout as the national file: UTF-8, a header, each column followed by '|'.
 */
public enum StaffColumn {

    /** {@code 3<structure>/<internal>}; also SubjectNameID and preferred_username. */
    ID_NAT("idNat"),
    /** TRE-R81 code (M, MME); {@code SubjectRefPro.codeCivilite}. */
    CIVILITY("civility"),
    /** family_name. */
    LAST_NAME("lastName"),
    /** given_name. */
    FIRST_NAME("firstName"),
    /** CPE or CPA. */
    CARD_TYPE("cardType"),
    /** The structure's technical identifier; SubjectOrganizationID. */
    STRUCTURE_ID("structureId"),
    /** The structure's name; SubjectOrganization. */
    STRUCTURE_NAME("structureName"),
    /** TRE-R02 code; Secteur_Activite. */
    ACTIVITY_SECTOR("activitySector"),
    /** Optional contact address. */
    EMAIL("email");

    private static final List<String> HEADER;

    static {
        List<String> names = new ArrayList<>();
        for (StaffColumn c : values()) {
            names.add(c.header);
        }
        HEADER = Collections.unmodifiableList(names);
    }

    private final String header;

    StaffColumn(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    public static List<String> headerNames() {
        return HEADER;
    }
}
