package org.pscfederator.directory;

import org.pscfederator.core.identifiers.IdNatPrefixes;

import org.pscfederator.core.identifiers.IdNatKind;

import org.pscfederator.core.identifiers.IdNat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams our structure staff file (see {@link StaffColumn}) to a consumer. Same layout outcomes as the national
 * file, except that a file with a header and no line is accepted (with a WARNING): having no staff is legitimate.
 * Per line: an invalid or non-staff idNat, a missing last name, structure identifier or structure name, a card type
 * other than CPE or CPA, and an idNat already seen are ERRORs, the line skipped; an unknown civility or activity
 * sector code and an e-mail without '@' are WARNINGs, the line imported. The set of idNats seen grows with the
 * file, which is fine for staff files (thousands of lines, not millions).
 */
public final class StaffFileReader {

    private final Nomenclatures nomenclatures;
    private final IdNatPrefixes prefixes;
    private final int maxProblemsKept;
    private final PipeSeparatedFile layout = new PipeSeparatedFile("staff file", StaffColumn.headerNames(), false,
            Set.of(StaffColumn.CIVILITY.ordinal(), StaffColumn.CARD_TYPE.ordinal(), StaffColumn.STRUCTURE_ID.ordinal(),
                    StaffColumn.STRUCTURE_NAME.ordinal(), StaffColumn.ACTIVITY_SECTOR.ordinal()));

    public StaffFileReader(Nomenclatures nomenclatures, IdNatPrefixes prefixes, int maxProblemsKept) {
        this.nomenclatures = Objects.requireNonNull(nomenclatures, "nomenclatures");
        this.prefixes = Objects.requireNonNull(prefixes, "prefixes");
        this.maxProblemsKept = maxProblemsKept;
    }

    public static StaffFileReader standard() {
        return new StaffFileReader(Nomenclatures.standard(), IdNatPrefixes.standard(), ImportReport.DEFAULT_MAX_KEPT);
    }

    public ImportReport read(Path file, Consumer<? super StaffMember> consumer) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, consumer);
        }
    }

    /** Like {@link NationalFileReader#read(InputStream, Consumer)}: discard what was received if refused. */
    public ImportReport read(InputStream in, Consumer<? super StaffMember> consumer) throws IOException {
        ImportReport report = new ImportReport(maxProblemsKept);
        Set<String> seen = new HashSet<>();
        layout.read(in, report, (line, f) -> {
            StaffMember member = check(report, line, f);
            if (member != null) {
                if (!seen.add(member.idNat().value())) {
                    report.error(line, "identifier " + member.idNat() + " already on an earlier line; line skipped");
                    return;
                }
                report.lineAccepted(false);
                report.professionalStarted();
                consumer.accept(member);
            }
        });
        return report;
    }

    private StaffMember check(ImportReport report, long line, String[] f) {
        String idNatValue = f[StaffColumn.ID_NAT.ordinal()];
        String problem = IdNat.problemWith(idNatValue, prefixes).orElse(null);
        if (problem != null) {
            report.error(line, problem + "; line skipped");
            return null;
        }
        IdNat idNat = IdNat.trusted(idNatValue, prefixes);
        if (idNat.kind() != IdNatKind.STRUCTURE_STAFF) {
            report.error(line, "identifier " + idNatValue + " is an " + idNat.kind()
                    + " identifier, not a structure staff one; line skipped");
            return null;
        }
        for (StaffColumn required : new StaffColumn[] {StaffColumn.LAST_NAME, StaffColumn.STRUCTURE_ID,
                StaffColumn.STRUCTURE_NAME}) {
            if (f[required.ordinal()].isEmpty()) {
                report.error(line, "empty " + required.header() + "; line skipped");
                return null;
            }
        }
        String cardValue = f[StaffColumn.CARD_TYPE.ordinal()];
        StaffCardType cardType;
        try {
            cardType = StaffCardType.valueOf(cardValue);
        } catch (IllegalArgumentException e) {
            report.error(line, StaffColumn.CARD_TYPE.header() + " is '" + cardValue + "', expected CPE or CPA;"
                    + " line skipped");
            return null;
        }
        checkCode(report, line, f, StaffColumn.CIVILITY, NomenclatureTable.CIVILITE);
        checkCode(report, line, f, StaffColumn.ACTIVITY_SECTOR, NomenclatureTable.SECTEUR_ACTIVITE);
        String email = f[StaffColumn.EMAIL.ordinal()];
        if (!email.isEmpty() && (email.indexOf('@') <= 0 || email.indexOf(' ') >= 0)) {
            report.warning(line, StaffColumn.EMAIL.header() + " '" + email + "' does not look like an e-mail"
                    + " address; line imported");
        }
        return new StaffMember(line, idNat, f[StaffColumn.CIVILITY.ordinal()], f[StaffColumn.LAST_NAME.ordinal()],
                f[StaffColumn.FIRST_NAME.ordinal()], cardType, f[StaffColumn.STRUCTURE_ID.ordinal()],
                f[StaffColumn.STRUCTURE_NAME.ordinal()], f[StaffColumn.ACTIVITY_SECTOR.ordinal()], email);
    }

    private void checkCode(ImportReport report, long line, String[] f, StaffColumn column, NomenclatureTable table) {
        String code = f[column.ordinal()];
        if (!code.isEmpty() && !nomenclatures.isKnown(table, code)) {
            report.warning(line, "unknown " + column.header() + " '" + code + "' (not in " + table
                    + "); line imported");
        }
    }
}
