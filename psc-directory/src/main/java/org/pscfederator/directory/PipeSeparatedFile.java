package org.pscfederator.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/**
 * The layout shared by the national file and the staff file: UTF-8, a header line, then one record per line, each
 * column followed by {@code |} (so a line ends with {@code |}). This class checks the layout and hands over each
 * well-formed record; what the columns mean is the caller's business. Outcomes (see docs/directory-files.md):
 * <ul>
 * <li>empty file, header that does not match, bytes that are not UTF-8, a truncated last line: FATAL;
 * <li>a line with the wrong number of columns: ERROR, line skipped;
 * <li>an empty line: WARNING, ignored; a complete last line without newline: WARNING, read.
 * </ul>
 */
final class PipeSeparatedFile {

    /** Receives each well-formed record; {@code fields} belongs to the receiver. */
    interface RecordHandler {
        void record(long line, String[] fields);
    }

    private final String fileKind;
    private final List<String> header;
    private final boolean headerOnlyRefused;
    private final boolean[] repeatedColumns;

    /**
     * @param fileKind          how messages name the file, e.g. "national file"
     * @param header            the exact column names
     * @param headerOnlyRefused whether a file with a header and no data line is refused
     * @param repeatedColumns   the indexes of columns with few distinct values (see {@link RepeatedValues})
     */
    PipeSeparatedFile(String fileKind, List<String> header, boolean headerOnlyRefused, Set<Integer> repeatedColumns) {
        this.fileKind = fileKind;
        this.header = List.copyOf(header);
        this.headerOnlyRefused = headerOnlyRefused;
        this.repeatedColumns = new boolean[header.size()];
        for (int column : repeatedColumns) {
            this.repeatedColumns[column] = true;
        }
    }

    void read(InputStream in, ImportReport report, RecordHandler handler) throws IOException {
        Utf8LineReader lines = new Utf8LineReader(in);
        RepeatedValues[] caches = new RepeatedValues[header.size()];
        for (int i = 0; i < caches.length; i++) {
            caches[i] = repeatedColumns[i] ? new RepeatedValues() : null;
        }
        try {
            if (!lines.next()) {
                report.refuse(0, "empty file: no header");
                return;
            }
            String headerProblem = headerProblem(lines.chars(), lines.length());
            if (headerProblem != null) {
                report.refuse(lines.lineNumber(), "the header is not the " + fileKind + " header: " + headerProblem);
                return;
            }
            boolean anyData = false;
            while (lines.next()) {
                long line = lines.lineNumber();
                report.lineRead();
                if (lines.length() == 0) {
                    report.warning(line, "empty line, ignored");
                    continue;
                }
                anyData = true;
                String[] fields = new String[header.size()];
                String problem = split(lines.chars(), lines.length(), fields, caches);
                if (problem != null) {
                    if (!lines.endedWithNewline()) {
                        report.refuse(line, "truncated last line (" + problem + "; no newline at the end of"
                                + " the file): the file is incomplete and is refused");
                        return;
                    }
                    report.error(line, problem + "; line skipped");
                    continue;
                }
                if (!lines.endedWithNewline()) {
                    report.warning(line, "no newline at the end of the file; the last line is complete and was read");
                }
                handler.record(line, fields);
            }
            if (!anyData && headerOnlyRefused) {
                report.refuse(0, "the " + fileKind + " has a header but no data line: importing it would empty"
                        + " the directory");
            } else if (!anyData) {
                report.warning(0, "the " + fileKind + " has a header but no data line");
            }
        } catch (FileRefusedException e) {
            report.refuse(e.line(), e.reason());
        }
    }

    /**
     * Splits a line into {@code fields}, by hand and in one pass because this runs for every line. Returns why the
     * line is not {@code header.size()} columns each followed by '|', or null when it is.
     */
    private String split(char[] chars, int length, String[] fields, RepeatedValues[] caches) {
        int expected = fields.length;
        int separators = 0;
        int from = 0;
        for (int i = 0; i < length; i++) {
            if (chars[i] == '|') {
                if (separators < expected) {
                    int size = i - from;
                    fields[separators] = size == 0 ? ""
                            : caches[separators] != null ? caches[separators].get(chars, from, size)
                            : new String(chars, from, size);
                }
                separators++;
                from = i + 1;
            }
        }
        if (chars[length - 1] == '|') {
            return separators == expected ? null : separators + " columns instead of " + expected;
        }
        int columns = separators + 1;
        return columns == expected ? "the last column is not followed by '|'"
                : columns + " columns instead of " + expected + ", and no '|' at the end";
    }

    private String headerProblem(char[] chars, int length) {
        if (length == 0) {
            return "the first line is empty";
        }
        String[] names = new String[header.size()];
        String problem = split(chars, length, names, new RepeatedValues[names.length]);
        if (problem != null) {
            return problem;
        }
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equals(header.get(i))) {
                return "column " + (i + 1) + " is '" + names[i] + "', expected '" + header.get(i) + "'";
            }
        }
        return null;
    }
}
