package org.pscfederator.directory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a stream line by line, decoding each line strictly as UTF-8, in a fixed amount of memory. Lines end at
 * {@code \n}; a {@code \r} before it is dropped; a UTF-8 byte order mark at the start is skipped. Splitting on the
 * {@code \n} byte before decoding is safe: in UTF-8 that byte is never part of a multi-byte character.
 */
final class Utf8LineReader {

    /** Longer lines refuse the file: it is not one of ours, and memory must stay bounded. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    static final String NOT_UTF8 = "not valid UTF-8 (is the file ISO-8859-1?)";

    private final InputStream in;
    private final byte[] buffer = new byte[4 * MAX_LINE_BYTES];
    private final ByteBuffer bytes = ByteBuffer.wrap(buffer);
    private final char[] chars = new char[MAX_LINE_BYTES];
    private final CharBuffer charBuffer = CharBuffer.wrap(chars);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private int start;
    private int end;
    private boolean eof;
    private boolean started;
    private long lineNumber;
    private int length;
    private boolean endedWithNewline;

    Utf8LineReader(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException, FileRefusedException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        int scanFrom = start;
        while (true) {
            for (int i = scanFrom; i < end; i++) {
                if (buffer[i] == '\n') {
                    decode(start, i, true);
                    start = i + 1;
                    return true;
                }
            }
            int pending = end - start;
            if (pending > MAX_LINE_BYTES) {
                throw new FileRefusedException(lineNumber + 1, tooLong());
            }
            if (eof) {
                if (pending == 0) {
                    return false;
                }
                decode(start, end, false);
                start = end;
                return true;
            }
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, pending);
                start = 0;
                end = pending;
            }
            scanFrom = end;
            fill();
        }
    }

    /** The 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    /** The current line's characters, valid until the next call to {@link #next()}. */
    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    /** False for a last line with no newline after it. */
    boolean endedWithNewline() {
        return endedWithNewline;
    }

    private static String tooLong() {
        return "line longer than " + MAX_LINE_BYTES + " bytes: this is not a file of the expected format";
    }

    private void fill() throws IOException {
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    private void skipByteOrderMark() throws IOException {
        while (end < 3 && !eof) {
            fill();
        }
        if (end >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
            start = 3;
        }
    }

    private void decode(int from, int to, boolean newline) throws FileRefusedException {
        lineNumber++;
        endedWithNewline = newline;
        if (newline && to > from && buffer[to - 1] == '\r') {
            to--;
        }
        if (to - from > MAX_LINE_BYTES) {
            throw new FileRefusedException(lineNumber, tooLong());
        }
        decoder.reset();
        bytes.clear();
        bytes.limit(to).position(from);
        charBuffer.clear();
        // Without a newline this may be a cut file: decode as unfinished input to tell a cut character from a bad one.
        CoderResult result = decoder.decode(bytes, charBuffer, newline);
        if (result.isError()) {
            throw new FileRefusedException(lineNumber, NOT_UTF8);
        }
        if (!newline) {
            if (bytes.hasRemaining()) {
                throw new FileRefusedException(lineNumber, "truncated last line: the file ends in the middle of a"
                        + " character, without a newline; the file is incomplete and is refused");
            }
            decoder.decode(bytes, charBuffer, true);
        }
        decoder.flush(charBuffer);
        length = charBuffer.position();
    }
}
