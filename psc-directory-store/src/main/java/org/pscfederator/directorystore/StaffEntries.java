package org.pscfederator.directorystore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.pscfederator.directory.NationalColumn;
import org.pscfederator.directory.StaffMember;

/**
 * A structure staff card holder laid into the national file's columns, so that one table and one set of claim
 * mappers serve every professional. Columns the staff file does not have stay empty, as PSC sends them.
 */
final class StaffEntries {

    private StaffEntries() {
    }

    static DirectoryEntry of(StaffMember member) {
        List<String> fields = new ArrayList<>(Collections.nCopies(DirectoryEntry.FIELD_COUNT, ""));
        set(fields, NationalColumn.TYPE_IDENTIFIANT_PP, member.idNat().prefix());
        set(fields, NationalColumn.IDENTIFIANT_PP, member.idNat().registryId());
        set(fields, NationalColumn.IDENTIFICATION_NATIONALE_PP, member.idNat().value());
        set(fields, NationalColumn.CODE_CIVILITE, member.civility());
        set(fields, NationalColumn.NOM_EXERCICE, member.lastName());
        set(fields, NationalColumn.PRENOM_EXERCICE, member.firstName());
        set(fields, NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE, member.structureId());
        set(fields, NationalColumn.RAISON_SOCIALE_SITE, member.structureName());
        set(fields, NationalColumn.CODE_SECTEUR_ACTIVITE, member.activitySector());
        set(fields, NationalColumn.ADRESSE_EMAIL, member.email());
        DirectoryEntry.Kind kind = DirectoryEntry.Kind.valueOf(member.cardType().name());
        return new DirectoryEntry(member.idNat().value(), kind, fields);
    }

    private static void set(List<String> fields, NationalColumn column, String value) {
        fields.set(column.ordinal(), value == null ? "" : value);
    }
}
