package org.pscfederator.cli;

/** An exception said on one line: its message, then the messages of its causes that add something. */
public final class OneLine {

    private OneLine() {
    }

    public static String of(Throwable e) {
        StringBuilder line = new StringBuilder(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !line.toString().contains(cause.getMessage())) {
                line.append(": ").append(cause.getMessage());
            }
        }
        return line.toString().replaceAll("\\s+", " ").strip();
    }
}
