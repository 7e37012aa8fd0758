package org.pscfederator.directory;

import org.pscfederator.core.identifiers.IdNatPrefixes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class NationalFileReaderTest {

    private final List<ActivityLine> accepted = new ArrayList<>();

    private ImportReport read(byte[] file) throws IOException {
        return NationalFileReader.standard().read(new ByteArrayInputStream(file), accepted::add);
    }

    private static String doctor() {
        return NationalLines.doctor().line();
    }

    private static String hospitalActivity() {
        return NationalLines.doctor()
                .set(NationalColumn.CODE_MODE_EXERCICE, "S")
                .set(NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE, "F0B0172805")
                .set(NationalColumn.RAISON_SOCIALE_SITE, "HOPITAL GENERIQUE  FIN VARI")
                .set(NationalColumn.CODE_SECTEUR_ACTIVITE, "SA01").line();
    }

    private static String otherProfessional() {
        return NationalLines.doctor().idNat("8", "99700427869").set(NationalColumn.NOM_EXERCICE, "DOC0042786").line();
    }

    @Test
    void validFileIsReadWithCountsAndNoProblem() throws IOException {
        ImportReport report = read(NationalLines.file(doctor(), hospitalActivity(), otherProfessional()));

        assertThat(report.problems()).isEmpty();
        assertThat(report.isRefused()).isFalse();
        assertThat(report.linesRead()).isEqualTo(3);
        assertThat(report.linesAccepted()).isEqualTo(3);
        assertThat(report.activities()).isEqualTo(3);
        assertThat(report.professionals()).isEqualTo(2);
        assertThat(accepted).extracting(ActivityLine::lineNumber).containsExactly(2L, 3L, 4L);
        ActivityLine first = accepted.get(0);
        assertThat(first.idNat().value()).isEqualTo("899700366240");
        assertThat(first.codeProfession()).isEqualTo("10");
        assertThat(first.libelleProfession()).isEqualTo("Médecin");
        assertThat(first.raisonSocialeSite()).isEqualTo("CABINET M DOC0036624");
        assertThat(first.libelleGenreActivite()).isEmpty();
        assertThat(first.get(NationalColumn.CODE_SECTEUR_ACTIVITE)).isEqualTo("SA07");
    }

    @Test
    void headerThatDoesNotMatchRefusesTheFile() throws IOException {
        String header = NationalLines.HEADER.replace("Code profession", "Code de la profession");
        byte[] file = (header + "\n" + doctor() + "\n").getBytes(StandardCharsets.UTF_8);

        ImportReport report = read(file);

        assertThat(report.isRefused()).isTrue();
        assertThat(report.refusal().orElseThrow().message()).isEqualTo("line 1: the header is not the national file"
                + " header: column 10 is 'Code de la profession', expected 'Code profession'");
        assertThat(accepted).isEmpty();
    }

    @Test
    void wrongColumnCountIsReportedWithLineNumber() throws IOException {
        ImportReport report = read(NationalLines.file(doctor(), NationalLines.withoutLastColumn(hospitalActivity()),
                doctor().replace("|GENR01|", "|GENR01|extra|"), otherProfessional()));

        assertThat(report.isRefused()).isFalse();
        assertThat(report.problems()).extracting(LineProblem::toString).containsExactly(
                "ERROR line 3: 55 columns instead of 56; line skipped",
                "ERROR line 4: 57 columns instead of 56; line skipped");
        assertThat(report.errors()).isEqualTo(2);
        assertThat(accepted).extracting(ActivityLine::lineNumber).containsExactly(2L, 5L);
    }

    @Test
    void lineWithoutTrailingPipeIsReportedWithLineNumber() throws IOException {
        String line = NationalLines.doctor().set(NationalColumn.LIBELLE_GENRE_ACTIVITE, "Activité").line();
        String noTrailingPipe = line.substring(0, line.length() - 1);

        ImportReport report = read(NationalLines.file(doctor(), noTrailingPipe));

        assertThat(report.problems()).extracting(LineProblem::message)
                .containsExactly("line 3: the last column is not followed by '|'; line skipped");
    }

    @Test
    void iso88591FileIsRefusedAsNotUtf8() throws IOException {
        String text = NationalLines.HEADER + "\n" + doctor() + "\n";

        ImportReport report = read(text.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(report.isRefused()).isTrue();
        assertThat(report.refusal().orElseThrow().message())
                .isEqualTo("line 1: not valid UTF-8 (is the file ISO-8859-1?)");
        assertThat(report.refusal().orElseThrow().severity()).isEqualTo(Severity.FATAL);
    }

    @Test
    void isoLineInAUtf8FileRefusesTheFileAtThatLine() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(NationalLines.file(doctor()));
        // "Médecin" in ISO-8859-1: 'é' is the single byte 0xE9.
        file.writeBytes((otherProfessional() + "\n").getBytes(StandardCharsets.ISO_8859_1));
        file.writeBytes((hospitalActivity() + "\n").getBytes(StandardCharsets.UTF_8));

        ImportReport report = read(file.toByteArray());

        assertThat(report.refusal().orElseThrow().message())
                .isEqualTo("line 3: not valid UTF-8 (is the file ISO-8859-1?)");
        // What came before the bad line was handed over; the caller discards it because the file is refused.
        assertThat(accepted).hasSize(1);
    }

    @Test
    void truncatedLastLineIsReported() throws IOException {
        String full = new String(NationalLines.file(doctor(), hospitalActivity()), StandardCharsets.UTF_8);
        byte[] cut = full.substring(0, full.length() - 40).getBytes(StandardCharsets.UTF_8);

        ImportReport report = read(cut);

        assertThat(report.isRefused()).isTrue();
        assertThat(report.refusal().orElseThrow().message()).startsWith("line 3: truncated last line (")
                .contains("instead of 56").contains("no newline at the end of the file")
                .endsWith("the file is incomplete and is refused");
    }

    @Test
    void lastLineCutInsideACharacterIsReportedAsTruncated() throws IOException {
        byte[] full = NationalLines.file(doctor(), NationalLines.doctor().set(NationalColumn.LIBELLE_GENRE_ACTIVITE,
                "Activité").line());
        String text = new String(full, StandardCharsets.UTF_8);
        int cutAt = text.lastIndexOf("Activit") + "Activit".length();
        // Keep the first byte of the two-byte 'é' only.
        byte[] cut = Arrays.copyOf(full, text.substring(0, cutAt).getBytes(StandardCharsets.UTF_8).length + 1);

        ImportReport report = read(cut);

        assertThat(report.refusal().orElseThrow().message()).startsWith("line 3: truncated last line");
    }

    @Test
    void completeLastLineWithoutNewlineIsReadWithAWarning() throws IOException {
        byte[] full = NationalLines.file(doctor(), otherProfessional());

        ImportReport report = read(Arrays.copyOf(full, full.length - 1));

        assertThat(report.isRefused()).isFalse();
        assertThat(report.problems()).extracting(LineProblem::toString).containsExactly(
                "WARNING line 3: no newline at the end of the file; the last line is complete and was read");
        assertThat(accepted).hasSize(2);
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        ImportReport report = read(new byte[0]);

        assertThat(report.isRefused()).isTrue();
        assertThat(report.refusal().orElseThrow().message()).isEqualTo("empty file: no header");
        assertThat(report.refusal().orElseThrow().line()).isZero();
    }

    @Test
    void headerOnlyFileIsRefused() throws IOException {
        ImportReport report = read(NationalLines.file());

        assertThat(report.isRefused()).isTrue();
        assertThat(report.refusal().orElseThrow().reason()).contains("header but no data line");
    }

    @Test
    void duplicateActivityIsReportedAndSkipped() throws IOException {
        ImportReport report = read(NationalLines.file(doctor(), hospitalActivity(), doctor(), otherProfessional()));

        assertThat(report.problems()).extracting(LineProblem::toString).containsExactly("ERROR line 4: the same"
                + " activity as an earlier line of 899700366240 (same profession, savoir-faire, structure, mode,"
                + " sector, function, section and genre); line skipped");
        assertThat(accepted).extracting(ActivityLine::lineNumber).containsExactly(2L, 3L, 5L);
        assertThat(report.professionals()).isEqualTo(2);
    }

    @Test
    void sameStructureWithAnotherModeOrFunctionIsNotADuplicate() throws IOException {
        String salaried = NationalLines.doctor().set(NationalColumn.CODE_MODE_EXERCICE, "S").line();
        String withFunction = NationalLines.doctor().set(NationalColumn.CODE_FONCTION, "FON-01").line();
        // PSC's sandbox data has activities without a structure technical id: the site name tells them apart.
        String noStructureId = NationalLines.doctor().set(NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE, "")
                .set(NationalColumn.RAISON_SOCIALE_SITE, "CABINET MEDICAL0023550").line();

        ImportReport report = read(NationalLines.file(doctor(), salaried, withFunction, noStructureId));

        assertThat(report.problems()).isEmpty();
        assertThat(accepted).hasSize(4);
    }

    @Test
    void wrongLuhnKeyIsReportedAndSkipped() throws IOException {
        String wrongKey = NationalLines.doctor().idNat("8", "99700366241").line();

        ImportReport report = read(NationalLines.file(wrongKey, otherProfessional()));

        assertThat(report.problems()).extracting(LineProblem::toString).containsExactly("ERROR line 2: identifier"
                + " '899700366241': wrong Luhn key in RPPS number 99700366241 (the key of 9970036624 is 0);"
                + " line skipped");
        assertThat(accepted).extracting(a -> a.idNat().value()).containsExactly("899700427869");
    }

    @Test
    void unknownProfessionIsImportedWithWarning() throws IOException {
        String unknown = NationalLines.doctor().set(NationalColumn.CODE_PROFESSION, "99")
                .set(NationalColumn.LIBELLE_PROFESSION, "Profession future").line();

        ImportReport report = read(NationalLines.file(unknown));

        assertThat(report.problems()).extracting(LineProblem::toString).containsExactly("WARNING line 2: unknown"
                + " Code profession '99' (not in [TRE-G15 ProfessionSante]); line imported");
        assertThat(report.warnings()).isEqualTo(1);
        assertThat(report.errors()).isZero();
        assertThat(accepted).extracting(ActivityLine::codeProfession).containsExactly("99");
    }

    @Test
    void civiliteDexerciceMayBeAPlainCivilityAsInPscSandbox() throws IOException {
        String m = NationalLines.doctor().set(NationalColumn.CODE_CIVILITE_EXERCICE, "M").line();
        String unknown = NationalLines.doctor().idNat("8", "99700427869")
                .set(NationalColumn.CODE_CIVILITE_EXERCICE, "XX").line();

        ImportReport report = read(NationalLines.file(m, unknown));

        assertThat(report.problems()).extracting(LineProblem::message).containsExactly("line 3: unknown Code"
                + " civilité d'exercice 'XX' (not in [TRE-R11 CiviliteExercice, TRE-R81 Civilite]); line imported");
    }

    @Test
    void identifierColumnsThatDisagreeAreReportedAndSkipped() throws IOException {
        String mismatch = NationalLines.doctor().set(NationalColumn.IDENTIFIANT_PP, "99700427869").line();
        String staff = NationalLines.doctor().idNat("3", "500000001815646/CPAT00045").line();
        String noProfession = NationalLines.doctor().set(NationalColumn.CODE_PROFESSION, "").line();
        String noIdentifier = NationalLines.doctor().set(NationalColumn.IDENTIFICATION_NATIONALE_PP, "").line();

        ImportReport report = read(NationalLines.file(mismatch, staff, noProfession, noIdentifier));

        assertThat(report.problems()).extracting(LineProblem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("line 2: Identification nationale PP 899700366240 is not Type"
                        + " d'identifiant PP 8 followed by Identifiant PP 99700427869"),
                m -> assertThat(m).startsWith("line 3: identifier 3500000001815646/CPAT00045 is a structure staff"
                        + " identifier"),
                m -> assertThat(m).isEqualTo("line 4: empty Code profession; line skipped"),
                m -> assertThat(m).startsWith("line 5: empty identifier column"));
        assertThat(accepted).isEmpty();
    }

    @Test
    void professionalWithoutActivityIsAcceptedAsALineWithoutActivity() throws IOException {
        ImportReport report = read(NationalLines.file(NationalLines.doctor().withoutActivity().line()));

        assertThat(report.problems()).isEmpty();
        assertThat(report.linesAccepted()).isEqualTo(1);
        assertThat(report.activities()).isZero();
        assertThat(report.professionals()).isEqualTo(1);
        assertThat(accepted.get(0).hasActivity()).isFalse();
    }

    @Test
    void unsortedFileIsReportedOnce() throws IOException {
        String adeli = NationalLines.doctor().idNat("0", "759960011").line();

        ImportReport report = read(NationalLines.file(otherProfessional(), doctor(), adeli, otherProfessional()));

        assertThat(report.warnings()).isEqualTo(1);
        assertThat(report.problems().get(0).message()).startsWith("line 3: the file is not sorted by identifier"
                + " (899700366240 after 899700427869)");
        assertThat(accepted).hasSize(4);
    }

    @Test
    void crlfLineEndsAndByteOrderMarkAreAccepted() throws IOException {
        String text = "\uFEFF" + NationalLines.HEADER + "\r\n" + doctor() + "\r\n";

        ImportReport report = read(text.getBytes(StandardCharsets.UTF_8));

        assertThat(report.problems()).isEmpty();
        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0).libelleGenreActivite()).isEmpty();
    }

    @Test
    void emptyLineIsIgnoredWithAWarning() throws IOException {
        ImportReport report = read(NationalLines.file(doctor(), "", otherProfessional()));

        assertThat(report.problems()).extracting(LineProblem::toString)
                .containsExactly("WARNING line 3: empty line, ignored");
        assertThat(accepted).hasSize(2);
    }

    @Test
    void keptProblemsAreBoundedButAllAreCounted() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(NationalLines.withoutLastColumn(doctor()));
            lines.add(NationalLines.doctor().set(NationalColumn.CODE_SECTEUR_ACTIVITE, "SA99")
                    .set(NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE, "R" + i).line());
        }
        NationalFileReader reader = new NationalFileReader(Nomenclatures.standard(), IdNatPrefixes.standard(), 5);

        ImportReport report = reader.read(new ByteArrayInputStream(NationalLines.file(lines.toArray(new String[0]))),
                accepted::add);

        assertThat(report.errors()).isEqualTo(30);
        assertThat(report.warnings()).isEqualTo(30);
        assertThat(report.problems()).hasSize(10);
        assertThat(report.problemsNotKept()).isEqualTo(50);
        assertThat(report.summary()).isEqualTo("60 lines read, 30 accepted (30 activities, 1 professionals),"
                + " 30 errors, 30 warnings (50 not listed)");
    }

    @Test
    void lineLongerThanTheLimitRefusesTheFile() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(NationalLines.file(doctor()));
        file.writeBytes("x".repeat(Utf8LineReader.MAX_LINE_BYTES + 10).getBytes(StandardCharsets.UTF_8));

        ImportReport report = read(file.toByteArray());

        assertThat(report.refusal().orElseThrow().message()).startsWith("line 3: line longer than 65536 bytes");
    }

    @Test
    void longLineEndedByANewlineAlsoRefusesTheFile() throws IOException {
        String longName = "N".repeat(Utf8LineReader.MAX_LINE_BYTES);

        ImportReport report = read(NationalLines.file(doctor(),
                NationalLines.doctor().set(NationalColumn.RAISON_SOCIALE_SITE, longName).line(), doctor()));

        assertThat(report.refusal().orElseThrow().message()).startsWith("line 3: line longer than 65536 bytes");
    }
}
