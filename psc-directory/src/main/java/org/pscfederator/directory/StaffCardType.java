package org.pscfederator.directory;

/** The IGC-Santé cards held by structure staff, who are not in the RPPS file. */
public enum StaffCardType {

    /** Carte de Personnel d'Établissement: staff of a health structure. */
    CPE,

    /** Carte de Personnel Autorisé: staff allowed to act for the structure. */
    CPA
}
