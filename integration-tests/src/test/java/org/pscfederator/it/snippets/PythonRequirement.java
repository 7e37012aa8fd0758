package org.pscfederator.it.snippets;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.pscfederator.it.harness.Launcher;

/**
 * The Python snippet needs python3 with requests. Without them its tests are skipped and say why, unless
 * PSC_REQUIRE_PYTHON=true or CI=true (as .ci/run sets both), where that is a failure.
 */
final class PythonRequirement {

    private PythonRequirement() {
    }

    static void check() throws InterruptedException {
        String missing = missing();
        if (missing == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("PSC_REQUIRE_PYTHON")) || "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing + "; PSC_REQUIRE_PYTHON=true or CI=true");
        }
        Assumptions.abort(missing + " (apt-get install python3 python3-requests): the Python snippet's tests are skipped");
    }

    /** What is missing, or null. */
    private static String missing() throws InterruptedException {
        try {
            Launcher.Result result = Launcher.runToEnd(List.of("python3", "-c", "import requests"), Map.of());
            return result.exitCode() == 0 ? null : "python3 has no requests module";
        } catch (java.io.IOException e) {
            return "no python3 on the PATH";
        }
    }
}
