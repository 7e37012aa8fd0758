package org.pscfederator.core.establishments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pscfederator.core.DocTable;

/** docs/realm-settings.md's section on establishments documents exactly what EstablishmentSettings reads. */
@Tag("psc-establishments")
class EstablishmentSettingsDocumentedTest {

    private static final Path DOC = Path.of("../docs/realm-settings.md");
    private static final String SECTION = "## Establishments' identity providers";

    @Test
    void theTableListsEverySettingAndNoOther() throws IOException {
        assertThat(rows().keySet()).containsExactlyInAnyOrderElementsOf(Arrays.stream(EstablishmentSetting.values())
                .map(EstablishmentSetting::attribute).toList());
    }

    @Test
    void eachRowSaysTheDefaultTheRangeAndTheMeaningTheParserApplies() throws IOException {
        Map<String, String[]> rows = rows();
        for (EstablishmentSetting setting : EstablishmentSetting.values()) {
            String[] row = rows.get(setting.attribute());
            assertThat(row[1]).as(setting.attribute() + " default").isEqualTo(
                    setting.defaultValue() == null ? "none: required" : "`" + setting.defaultValue() + "`");
            assertThat(row[2]).as(setting.attribute() + " range").isEqualTo(setting.range().describe());
            assertThat(row[3]).as(setting.attribute() + " meaning").isEqualTo(setting.meaning());
        }
    }

    private static Map<String, String[]> rows() throws IOException {
        return DocTable.rows(DOC, SECTION);
    }
}
