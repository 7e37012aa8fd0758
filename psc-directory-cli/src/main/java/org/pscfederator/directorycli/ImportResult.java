package org.pscfederator.directorycli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an import did, whichever way it went: whether the file became the directory, the counts, the first problems
 * with their line numbers, and what it cost (time; heap, when the import ran in this process).
 */
record ImportResult(boolean activated, String error, long linesRead, long activities, long professionals,
        long errors, long warnings, List<Problem> problems, double seconds, long peakHeapBytes, long maxHeapBytes) {

    /** Problems printed in the human summary; {@code --json} carries every problem kept. */
    static final int PROBLEMS_PRINTED = 20;

    record Problem(long line, String severity, String reason) {
    }

    static ImportResult failed(String error, double seconds) {
        return new ImportResult(false, error, 0, 0, 0, 0, 0, List.of(), seconds, -1, -1);
    }

    double linesPerSecond() {
        return seconds > 0 ? linesRead / seconds : 0;
    }

    void print(PrintStream out, boolean json) throws JsonProcessingException {
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(asMap()));
            return;
        }
        if (!activated && linesRead == 0 && problems.isEmpty()) {
            out.println("psc-directory: FAILED: " + error);
            return;
        }
        String heap = peakHeapBytes < 0 ? ""
                : String.format(Locale.ROOT, ", peak heap %d MB of %d MB", peakHeapBytes >> 20, maxHeapBytes >> 20);
        out.println(String.format(Locale.ROOT, "psc-directory: %s: %,d lines read, %,d activities, %,d professionals, "
                        + "%,d errors, %,d warnings in %.1f s (%,.0f lines/s%s)",
                activated ? "imported, now the directory" : "REFUSED, the previous directory is kept", linesRead,
                activities, professionals, errors, warnings, seconds, linesPerSecond(), heap));
        if (error != null) {
            out.println("psc-directory: " + error);
        }
        problems.stream().limit(PROBLEMS_PRINTED).forEach(problem -> out.println(String.format(Locale.ROOT,
                "  line %d: %s %s", problem.line(), problem.severity(), problem.reason())));
        if (problems.size() > PROBLEMS_PRINTED) {
            out.println("  ... " + (problems.size() - PROBLEMS_PRINTED) + " more problems (--json lists them)");
        }
    }

    private Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("activated", activated);
        if (error != null) {
            map.put("error", error);
        }
        map.put("linesRead", linesRead);
        map.put("activities", activities);
        map.put("professionals", professionals);
        map.put("errors", errors);
        map.put("warnings", warnings);
        map.put("seconds", seconds);
        map.put("linesPerSecond", Math.round(linesPerSecond()));
        if (peakHeapBytes >= 0) {
            map.put("peakHeapBytes", peakHeapBytes);
            map.put("maxHeapBytes", maxHeapBytes);
        }
        map.put("problems", problems);
        return map;
    }
}
