package org.pscfederator.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pscfederator.core.DocTable;

/** docs/realm-settings.md documents exactly the attributes RealmSettings reads, with their defaults and ranges. */
class RealmSettingsDocumentedTest {

    private static final Path DOC = Path.of("../docs/realm-settings.md");

    @Test
    void theTableListsEverySettingAndNoOther() throws IOException {
        Map<String, String[]> rows = rows();
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(Arrays.stream(RealmSetting.values())
                .map(RealmSetting::attribute).toList());
    }

    @Test
    void eachRowSaysTheDefaultAndTheRangeTheParserApplies() throws IOException {
        Map<String, String[]> rows = rows();
        for (RealmSetting setting : RealmSetting.values()) {
            String[] row = rows.get(setting.attribute());
            assertThat(row[1]).as(setting.attribute() + " default").isEqualTo(
                    setting.defaultValue() == null ? "none: required" : "`" + setting.defaultValue() + "`");
            assertThat(row[2]).as(setting.attribute() + " range").isEqualTo(setting.range().describe());
        }
    }

    /** The realm's table: the first of the page, before the sections on other settings. */
    private static Map<String, String[]> rows() throws IOException {
        return DocTable.rows(DOC, null);
    }
}
