package org.pscfederator.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StaffFileReaderTest {

    private static final String HEADER = "idNat|civility|lastName|firstName|cardType|structureId|structureName"
            + "|activitySector|email|";
    private static final String CPA = "3500000001815646/CPAT00045|M|ASSISTANT0000045|TEST|CPA|500000001815646"
            + "|CENTRE DE SANTE TEST|SA05||";

    private final List<StaffMember> accepted = new ArrayList<>();

    private ImportReport read(String... lines) throws IOException {
        String text = HEADER + "\n" + String.join("\n", lines) + (lines.length > 0 ? "\n" : "");
        return StaffFileReader.standard().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                accepted::add);
    }

    @Test
    void headerIsTheDocumentedOne() {
        assertThat(String.join("|", StaffColumn.headerNames()) + "|").isEqualTo(HEADER);
    }

    @Test
    void validLineIsReadIntoAStaffMember() throws IOException {
        ImportReport report = read(CPA);

        assertThat(report.problems()).isEmpty();
        assertThat(accepted).singleElement().satisfies(m -> {
            assertThat(m.idNat().value()).isEqualTo("3500000001815646/CPAT00045");
            assertThat(m.cardType()).isEqualTo(StaffCardType.CPA);
            assertThat(m.lastName()).isEqualTo("ASSISTANT0000045");
            assertThat(m.structureName()).isEqualTo("CENTRE DE SANTE TEST");
            assertThat(m.email()).isEmpty();
            assertThat(m.lineNumber()).isEqualTo(2);
        });
        assertThat(report.professionals()).isEqualTo(1);
    }

    @Test
    void badLinesAreReportedWithLineNumberAndSkipped() throws IOException {
        ImportReport report = read(
                CPA.replace("|CPA|", "|CPS|"),
                CPA.replace("3500000001815646/CPAT00045", "899700366240"),
                CPA.replace("ASSISTANT0000045", ""),
                CPA,
                CPA,
                CPA.replace("|SA05|", "|"));

        assertThat(report.problems()).extracting(LineProblem::message).containsExactly(
                "line 2: cardType is 'CPS', expected CPE or CPA; line skipped",
                "line 3: identifier 899700366240 is an RPPS identifier, not a structure staff one; line skipped",
                "line 4: empty lastName; line skipped",
                "line 6: identifier 3500000001815646/CPAT00045 already on an earlier line; line skipped",
                "line 7: 8 columns instead of 9; line skipped");
        assertThat(accepted).extracting(StaffMember::lineNumber).containsExactly(5L);
    }

    @Test
    void unknownCodesAndOddEmailAreImportedWithWarnings() throws IOException {
        ImportReport report = read(CPA.replace("|M|", "|X|").replace("|SA05||", "|SA99|nobody|"));

        assertThat(report.problems()).extracting(LineProblem::toString).containsExactly(
                "WARNING line 2: unknown civility 'X' (not in TRE-R81 Civilite); line imported",
                "WARNING line 2: unknown activitySector 'SA99' (not in TRE-R02 SecteurActivite); line imported",
                "WARNING line 2: email 'nobody' does not look like an e-mail address; line imported");
        assertThat(accepted).hasSize(1);
    }

    @Test
    void staffFileWithNoLineIsAcceptedWithAWarning() throws IOException {
        ImportReport report = read();

        assertThat(report.isRefused()).isFalse();
        assertThat(report.problems()).extracting(LineProblem::toString)
                .containsExactly("WARNING the staff file has a header but no data line");
    }

    @Test
    void isoStaffFileIsRefusedAsNotUtf8() throws IOException {
        String text = HEADER + "\n" + CPA.replace("CENTRE DE SANTE", "CENTRE DE SANTÉ") + "\n";

        ImportReport report = StaffFileReader.standard().read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), accepted::add);

        assertThat(report.refusal().orElseThrow().message())
                .isEqualTo("line 2: not valid UTF-8 (is the file ISO-8859-1?)");
    }
}
