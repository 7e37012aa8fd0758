package org.pscfederator.ecps.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorWebPageTest {

    @TempDir
    Path folder;

    @Test
    void showsTheThreeCodesAndEscapesWhatTheServerSent() {
        SimulatedDevice device = SimulatedDevice.create(folder.resolve("d.json"), "899700366240", "1234");
        SimulatorWebPage page = new SimulatorWebPage(null, device);

        String html = page.page("", new DeviceApiClient.Pending("r1", List.of("12", "47", "83"),
                "<script>x</script>", "", 0));

        assertThat(html).contains("value=\"12\"").contains("value=\"47\"").contains("value=\"83\"")
                .contains("&lt;script&gt;").doesNotContain("<script>x").contains("Code PIN");
        assertThat(page.page("", null)).contains("Aucune demande en attente");
    }
}
