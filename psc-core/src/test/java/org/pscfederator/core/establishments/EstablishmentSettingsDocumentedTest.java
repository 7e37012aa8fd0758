package org.pscfederator.core.establishments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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

    /** The section's table rows by attribute: cells without the surrounding pipes, stripped. */
    private static Map<String, String[]> rows() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        return lines.stream().dropWhile(line -> !line.equals(SECTION)).skip(1)
                .takeWhile(line -> !line.startsWith("## ")).filter(line -> line.startsWith("| `psc"))
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split(" \\| "))
                        .map(String::strip).toArray(String[]::new))
                .collect(Collectors.toMap(cells -> cells[0].replace("`", ""), cells -> cells, (a, b) -> a,
                        LinkedHashMap::new));
    }
}
