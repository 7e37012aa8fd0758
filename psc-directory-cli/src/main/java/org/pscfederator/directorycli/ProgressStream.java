package org.pscfederator.directorycli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The file as it is read: counts bytes and lines for the progress lines, and stops the import when the user
 * interrupts it, so that the import is abandoned cleanly (its lock given back, its rows dropped).
 */
final class ProgressStream extends FilterInputStream {

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lines = new AtomicLong();
    private volatile boolean cancelled;

    ProgressStream(InputStream in) {
        super(in);
    }

    long bytes() {
        return bytes.get();
    }

    long lines() {
        return lines.get();
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public int read() throws IOException {
        checkCancelled();
        int b = super.read();
        if (b >= 0) {
            bytes.incrementAndGet();
            if (b == '\n') {
                lines.incrementAndGet();
            }
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkCancelled();
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            bytes.addAndGet(n);
            long newLines = 0;
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\n') {
                    newLines++;
                }
            }
            lines.addAndGet(newLines);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("the import reads every byte");
    }

    private void checkCancelled() throws InterruptedIOException {
        if (cancelled) {
            throw new InterruptedIOException("import interrupted");
        }
    }
}
