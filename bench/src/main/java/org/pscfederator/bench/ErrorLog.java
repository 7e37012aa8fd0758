package org.pscfederator.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failed flows: all are counted, the first few distinct messages are kept with their counts. A dead server
 * fails thousands of times the same way; five lines say more than a wall of stack traces.
 */
public final class ErrorLog {
    static final int MAX_DISTINCT = 5;

    private final Map<String, Long> first = new LinkedHashMap<>();
    private long count;

    synchronized void record(Throwable failure) {
        count++;
        String message = describe(failure);
        if (first.containsKey(message)) {
            first.merge(message, 1L, Long::sum);
        } else if (first.size() < MAX_DISTINCT) {
            first.put(message, 1L);
        }
    }

    synchronized long count() {
        return count;
    }

    synchronized List<FlowResult.ErrorCount> firstErrors() {
        List<FlowResult.ErrorCount> out = new ArrayList<>();
        first.forEach((message, n) -> out.add(new FlowResult.ErrorCount(message, n)));
        return out;
    }

    /** One line: our own failures as written, others with their type since their messages can be terse. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof FlowFailure) {
            return message;
        }
        // HttpClient wraps the interesting cause (refused connection, bad certificate) in a bare IOException.
        Throwable cause = failure;
        while ((message == null || message.isBlank()) && cause.getCause() != null) {
            cause = cause.getCause();
            message = cause.getMessage();
        }
        String type = failure.getClass().getSimpleName();
        if (cause != failure) {
            type += " (" + cause.getClass().getSimpleName() + ")";
        }
        String line = message == null || message.isBlank() ? type : type + ": " + message;
        return line.replaceAll("\\s+", " ");
    }
}
