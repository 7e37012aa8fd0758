package org.pscfederator.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

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

    /**
     * The first table's rows by attribute (the realm's; the sections after it, from the first second-level heading,
     * document other settings): its cells without the surrounding pipes, stripped.
     */
    private static Map<String, String[]> rows() throws IOException {
        return Files.readAllLines(DOC).stream().takeWhile(line -> !line.startsWith("## "))
                .filter(line -> line.startsWith("| `psc"))
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split(" \\| "))
                        .map(String::strip).toArray(String[]::new))
                .collect(Collectors.toMap(cells -> cells[0].replace("`", ""), cells -> cells, (a, b) -> a,
                        LinkedHashMap::new));
    }
}
