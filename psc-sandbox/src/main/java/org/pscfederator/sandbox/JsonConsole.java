package org.pscfederator.sandbox;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher's own console with {@code --log-json}: each line it prints becomes one JSON object on one line, with
 * the fields Keycloak's JSON log gives its own ({@code timestamp}, {@code level}, {@code loggerName},
 * {@code message}), {@code loggerName} {@value #LOGGER}, so that every line of the sandbox's console parses as JSON
 * and a collector tells the launcher's lines from Keycloak's. Blank lines (the text mode's spacing) are dropped.
 *
 * <p>Keycloak's console passes through it too ({@link #relay}): its JSON lines as they are, and the few lines it
 * writes before its JSON log starts (the server image's build at a first start, {@code kc.sh}'s own messages) as
 * JSON objects marked {@code "fromText":true}, their level and logger taken from Keycloak's text format,
 * {@value #KEYCLOAK_TEXT} when a line has none.
 */
final class JsonConsole extends PrintStream {

    static final String LOGGER = "psc-sandbox";
    /** The logger named for a line of Keycloak's console that is neither JSON nor in its log format. */
    static final String KEYCLOAK_TEXT = "keycloak-console";
    /** Marks an object the launcher made of one of Keycloak's text lines: it has no {@code mdc}. */
    static final String TEXT_FIELD = "fromText";
    /** Keycloak's text log line: {@code 2026-12-02 13:59:05,864 WARN  [logger] (thread) message}. */
    private static final Pattern TEXT_LINE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3}\\s+([A-Z]+)\\s+\\[([^\\]]+)]\\s+\\(([^)]*)\\)\\s(.*)");

    private final String level;

    JsonConsole(OutputStream out, String level) {
        super(out, true, StandardCharsets.UTF_8);
        this.level = level;
    }

    @Override
    public void println() {
        // a blank line says nothing to a collector
    }

    @Override
    public void println(String line) {
        if (line == null || line.isBlank()) {
            return;
        }
        synchronized (this) {
            print(line(Instant.now(), level, line) + System.lineSeparator());
            flush();
        }
    }

    /** A line of Keycloak's console: a JSON object as it is, anything else made one. */
    void relay(String line) {
        if (line.isBlank()) {
            return;
        }
        String text;
        if (line.startsWith("{") && line.endsWith("}")) {
            text = line;
        } else {
            Matcher logged = TEXT_LINE.matcher(line);
            String made = logged.matches() ? line(Instant.now(), logged.group(1), logged.group(2), logged.group(4))
                    : line(Instant.now(), "INFO", KEYCLOAK_TEXT, line.strip());
            text = made.substring(0, made.length() - 1) + ",\"" + TEXT_FIELD + "\":true}";
        }
        synchronized (this) {
            print(text + System.lineSeparator());
            flush();
        }
    }

    @Override
    public void println(Object line) {
        println(String.valueOf(line));
    }

    /** One JSON line; the message's line breaks stay inside its string. */
    static String line(Instant time, String level, String message) {
        return line(time, level, LOGGER, message);
    }

    private static String line(Instant time, String level, String logger, String message) {
        return "{\"timestamp\":\"" + time + "\",\"level\":\"" + escaped(level) + "\",\"loggerName\":\""
                + escaped(logger) + "\",\"message\":\"" + escaped(message) + "\"}";
    }

    static String escaped(String text) {
        StringBuilder json = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.toString();
    }
}
