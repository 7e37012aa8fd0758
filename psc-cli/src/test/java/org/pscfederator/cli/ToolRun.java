package org.pscfederator.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of a tool in a test, its stdout and stderr captured (shared by the tools' tests through the test jar). */
public record ToolRun(int code, String out, String err) {

    /** A tool's entry point that writes to the streams it is given. */
    public interface Tool {
        int run(PrintStream out, PrintStream err);
    }

    public static ToolRun of(Tool tool) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = tool.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ToolRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
