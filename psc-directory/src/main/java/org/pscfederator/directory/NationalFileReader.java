package org.pscfederator.directory;

import org.pscfederator.core.identifiers.IdNatPrefixes;

import org.pscfederator.core.identifiers.IdNatKind;

import org.pscfederator.core.identifiers.IdNat;

import static org.pscfederator.directory.NationalColumn.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Streams ANS's national file ({@code PS_LibreAcces_Personne_activite_<date>.txt}, see {@link NationalColumn}) to a
 * consumer, one {@link ActivityLine} at a time, checking each line. Memory does not grow with the file: one line,
 * the current professional's activity keys, and the report's bounded problem list.
 *
 * <p>Outcomes (docs/directory-files.md lists them all), besides those of the layout: a missing identifier or
 * profession, an invalid idNat (wrong RPPS Luhn key included), an idNat that does not match its type and identifier
 * columns, a structure staff idNat, and a repeated activity (same {@link ActivityKey} as an earlier line of the same
 * professional) are ERRORs, the line skipped; a code unknown to its nomenclature is a WARNING, the line imported.
 *
 * <p>Repeated activities are caught among consecutive lines of one idNat, since ANS sorts the file by identifier.
 * If a file is not sorted, one WARNING says so; repeats that are not adjacent then reach the storage layer, which
 * keys activities by idNat and must treat them itself.
 */
public final class NationalFileReader {

    /** Bigger sets are dropped rather than cleared, so one professional with many activities costs nothing after. */
    private static final int KEY_SET_REUSE_LIMIT = 64;

    private static final NationalColumn[] CHECKED_COLUMNS = Arrays.stream(NationalColumn.all())
            .filter(c -> c.tables().length > 0).toArray(NationalColumn[]::new);

    private final Nomenclatures nomenclatures;
    private final IdNatPrefixes prefixes;
    private final int maxProblemsKept;
    /** Codes and labels: a few hundred values at most each, repeated on millions of lines. */
    private static final Set<NationalColumn> REPEATED_VALUE_COLUMNS = EnumSet.of(TYPE_IDENTIFIANT_PP,
            CODE_CIVILITE_EXERCICE, LIBELLE_CIVILITE_EXERCICE, CODE_CIVILITE, LIBELLE_CIVILITE, PRENOM_EXERCICE,
            CODE_PROFESSION, LIBELLE_PROFESSION, CODE_CATEGORIE_PROFESSIONNELLE, LIBELLE_CATEGORIE_PROFESSIONNELLE,
            CODE_TYPE_SAVOIR_FAIRE, LIBELLE_TYPE_SAVOIR_FAIRE, CODE_SAVOIR_FAIRE, LIBELLE_SAVOIR_FAIRE,
            CODE_MODE_EXERCICE, LIBELLE_MODE_EXERCICE, CODE_TYPE_VOIE, LIBELLE_TYPE_VOIE, CODE_PAYS, LIBELLE_PAYS,
            CODE_DEPARTEMENT, LIBELLE_DEPARTEMENT, AUTORITE_ENREGISTREMENT, CODE_SECTEUR_ACTIVITE,
            LIBELLE_SECTEUR_ACTIVITE, CODE_SECTION_TABLEAU_PHARMACIENS, LIBELLE_SECTION_TABLEAU_PHARMACIENS,
            CODE_FONCTION, LIBELLE_FONCTION, CODE_GENRE_ACTIVITE, LIBELLE_GENRE_ACTIVITE);

    private final PipeSeparatedFile layout = new PipeSeparatedFile("national file", NationalColumn.headerNames(),
            true, REPEATED_VALUE_COLUMNS.stream().map(Enum::ordinal).collect(Collectors.toSet()));

    public NationalFileReader(Nomenclatures nomenclatures, IdNatPrefixes prefixes, int maxProblemsKept) {
        this.nomenclatures = Objects.requireNonNull(nomenclatures, "nomenclatures");
        this.prefixes = Objects.requireNonNull(prefixes, "prefixes");
        this.maxProblemsKept = maxProblemsKept;
    }

    /** A reader with the shipped nomenclatures and prefix table, keeping the first 1000 errors and warnings. */
    public static NationalFileReader standard() {
        return new NationalFileReader(Nomenclatures.standard(), IdNatPrefixes.standard(),
                ImportReport.DEFAULT_MAX_KEPT);
    }

    public ImportReport read(Path file, Consumer<? super ActivityLine> consumer) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, consumer);
        }
    }

    /**
     * Reads {@code in} to its end (or to the first FATAL problem) and hands each accepted line to {@code consumer}.
     * When the report says the file is refused, the caller must discard what the consumer received.
     */
    public ImportReport read(InputStream in, Consumer<? super ActivityLine> consumer) throws IOException {
        ImportReport report = new ImportReport(maxProblemsKept);
        LineChecker checker = new LineChecker(report, consumer);
        layout.read(in, report, checker::check);
        return report;
    }

    /** The state of one read: the professional being read and its activity keys. */
    private final class LineChecker {

        private final ImportReport report;
        private final Consumer<? super ActivityLine> consumer;
        private String currentIdNat;
        private IdNat current;
        private Set<ActivityKey> currentKeys = new HashSet<>();
        private boolean unsortedReported;

        LineChecker(ImportReport report, Consumer<? super ActivityLine> consumer) {
            this.report = report;
            this.consumer = consumer;
        }

        void check(long line, String[] f) {
            String idNatValue = f[NationalColumn.IDENTIFICATION_NATIONALE_PP.ordinal()];
            String type = f[NationalColumn.TYPE_IDENTIFIANT_PP.ordinal()];
            String identifiant = f[NationalColumn.IDENTIFIANT_PP.ordinal()];
            if (idNatValue.isEmpty() || type.isEmpty() || identifiant.isEmpty()) {
                report.error(line, "empty identifier column (" + NationalColumn.TYPE_IDENTIFIANT_PP.header() + ", "
                        + NationalColumn.IDENTIFIANT_PP.header() + " and "
                        + NationalColumn.IDENTIFICATION_NATIONALE_PP.header() + " are required); line skipped");
                return;
            }
            IdNat idNat;
            if (idNatValue.equals(currentIdNat)) {
                idNat = current;
                // One String for all lines of a professional: less memory downstream, a hash computed once.
                f[IDENTIFICATION_NATIONALE_PP.ordinal()] = currentIdNat;
            } else {
                idNat = parse(line, idNatValue);
            }
            if (idNat == null) {
                return;
            }
            if (idNat.kind() == IdNatKind.STRUCTURE_STAFF) {
                report.error(line, "identifier " + idNatValue + " is a structure staff identifier: those belong in"
                        + " the staff file; line skipped");
                return;
            }
            // The idNat is the type (its prefix) followed by the registry identifier.
            if (idNatValue.length() != type.length() + identifiant.length() || !idNatValue.startsWith(type)
                    || !idNatValue.endsWith(identifiant)) {
                report.error(line, NationalColumn.IDENTIFICATION_NATIONALE_PP.header() + " " + idNatValue
                        + " is not " + NationalColumn.TYPE_IDENTIFIANT_PP.header() + " " + type + " followed by "
                        + NationalColumn.IDENTIFIANT_PP.header() + " " + identifiant + "; line skipped");
                return;
            }
            if (f[NationalColumn.CODE_PROFESSION.ordinal()].isEmpty()) {
                report.error(line, "empty " + NationalColumn.CODE_PROFESSION.header() + "; line skipped");
                return;
            }
            ActivityLine activity = new ActivityLine(line, idNat, f);
            if (!idNatValue.equals(currentIdNat)) {
                startProfessional(line, idNatValue, idNat);
            }
            if (!currentKeys.add(activity.activityKey())) {
                report.error(line, "the same activity as an earlier line of " + idNatValue
                        + " (same profession, savoir-faire, structure, mode, sector, function, section and genre);"
                        + " line skipped");
                return;
            }
            checkCodes(line, f);
            report.lineAccepted(activity.hasActivity());
            consumer.accept(activity);
        }

        private IdNat parse(long line, String value) {
            String problem = IdNat.problemWith(value, prefixes).orElse(null);
            if (problem != null) {
                report.error(line, problem + "; line skipped");
                return null;
            }
            return IdNat.trusted(value, prefixes);
        }

        private void startProfessional(long line, String idNatValue, IdNat idNat) {
            if (currentIdNat != null && idNatValue.compareTo(currentIdNat) < 0 && !unsortedReported) {
                unsortedReported = true;
                report.warning(line, "the file is not sorted by identifier (" + idNatValue + " after "
                        + currentIdNat + "): a repeated activity is only caught among consecutive lines of one"
                        + " identifier");
            }
            currentIdNat = idNatValue;
            current = idNat;
            if (currentKeys.size() > KEY_SET_REUSE_LIMIT) {
                currentKeys = new HashSet<>();
            } else {
                currentKeys.clear();
            }
            report.professionalStarted();
        }

        private void checkCodes(long line, String[] f) {
            for (NationalColumn column : CHECKED_COLUMNS) {
                String code = f[column.ordinal()];
                if (code.isEmpty()) {
                    continue;
                }
                boolean known = false;
                for (NomenclatureTable table : column.tables()) {
                    known |= nomenclatures.isKnown(table, code);
                }
                if (!known) {
                    report.warning(line, "unknown " + column.header() + " '" + code + "' (not in "
                            + column.nomenclatures() + "); line imported");
                }
            }
        }
    }
}
