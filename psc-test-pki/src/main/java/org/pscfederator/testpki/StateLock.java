package org.pscfederator.testpki;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises changes to one PKI's state: the sandbox launcher and a {@code psc-pki} command may run at the same time,
 * and two would otherwise hand out the same serial. A file lock covers other processes; a lock per path covers
 * threads of this one (the JVM does not let it take the same file lock twice).
 */
final class StateLock implements AutoCloseable {

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threads;
    private final FileChannel channel;
    private final FileLock fileLock;

    private StateLock(ReentrantLock threads, FileChannel channel, FileLock fileLock) {
        this.threads = threads;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    static StateLock acquire(Path lockFile) {
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
        threads.lock();
        if (threads.getHoldCount() > 1) {
            return new StateLock(threads, null, null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new StateLock(threads, channel, channel.lock());
        } catch (IOException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // the first error is the one to report
            }
            threads.unlock();
            throw PkiException.io("lock", lockFile, e);
        }
    }

    @Override
    public void close() {
        try {
            if (fileLock != null) {
                fileLock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing the channel releases the lock anyway
        } finally {
            threads.unlock();
        }
    }
}
