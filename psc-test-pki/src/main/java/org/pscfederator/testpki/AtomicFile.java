package org.pscfederator.testpki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a file whole or not at all (a temporary sibling, then a rename), so a reader such as a running server never
 * sees half a key store or CRL. Secret files get owner-only permissions from the start, where the OS has them.
 */
final class AtomicFile {

    private AtomicFile() {
    }

    static void write(Path file, byte[] content, boolean secret) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(dir);
            try (SeekableByteChannel channel = Files.newByteChannel(temp,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), permissions(dir, secret))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the first error is the one to report
            }
            throw PkiException.io("write", file, e);
        }
    }

    /** Creates a directory (and parents); a secret one is owner-only. */
    static void createDirectory(Path dir, boolean secret) {
        try {
            Files.createDirectories(dir);
            if (secret && posix(dir)) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            // A path that cannot be a directory (a file in the way, no permission) is the caller's to fix.
            throw PkiException.badInput("cannot create the directory " + dir + ": " + PkiException.describe(e));
        }
    }

    private static FileAttribute<?>[] permissions(Path dir, boolean secret) {
        if (!secret || !posix(dir)) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
