package org.pscfederator.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core (Deque's accessibility rules engine, the npm package the build fetches into target/npm) run inside the
 * page a {@link Chromium} shows, on the WCAG 2.0 and 2.1 level A and AA rules. WebDriver's scripts are the
 * browser's own, so the page's Content-Security-Policy does not stop them.
 */
public final class Axe {

    /** axe-core's tags for WCAG 2.1 A and AA (2.1 adds to 2.0, so both are asked for). */
    public static final List<String> WCAG21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    private Axe() {
    }

    /** Skipped when the build did not fetch axe-core (no npm here), a failure when PSC_REQUIRE_CHROMIUM=true. */
    public static void assumeAvailable() {
        Path script = script();
        boolean present = Files.isRegularFile(script);
        if (!present && "true".equals(System.getenv("PSC_REQUIRE_CHROMIUM"))) {
            throw new AssertionError("axe-core is required (PSC_REQUIRE_CHROMIUM=true) but " + script
                    + " is missing: the build fetches it with npm (integration-tests/src/test/npm)");
        }
        Assumptions.assumeTrue(present, "axe-core not fetched (" + script + "): install npm to run the "
                + "accessibility checks");
    }

    private static Path script() {
        return Path.of(System.getProperty("psc.axe.script", "target/npm/node_modules/axe-core/axe.min.js"));
    }

    /** The WCAG 2.1 A/AA violations on the page shown, one line each: rule, impact, help, and the elements. */
    public static List<String> violations(Chromium browser) throws IOException {
        if (source == null) {
            source = Files.readString(script());
        }
        browser.script(source);
        Object answer = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
                    .then(function (result) { done(JSON.stringify(result.violations)); })
                    .catch(function (error) { done(JSON.stringify({error: String(error)})); });
                """, WCAG21_AA);
        JsonNode result = JSON.readTree(String.valueOf(answer));
        if (result.has("error")) {
            throw new AssertionError("axe-core failed on " + browser.driver().getCurrentUrl() + ": "
                    + result.get("error").asText());
        }
        List<String> violations = new ArrayList<>();
        for (JsonNode violation : result) {
            List<String> nodes = new ArrayList<>();
            for (JsonNode node : violation.path("nodes")) {
                nodes.add(node.path("target").toString() + " " + node.path("failureSummary").asText()
                        .replace('\n', ' '));
            }
            violations.add(violation.path("id").asText() + " (" + violation.path("impact").asText() + "): "
                    + violation.path("help").asText() + " " + nodes);
        }
        return violations;
    }
}
