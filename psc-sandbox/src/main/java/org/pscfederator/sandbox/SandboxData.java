package org.pscfederator.sandbox;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The sandbox data folder: the test PKI, the laid-out server and its H2 database. A marker file tells a folder
 * this launcher made from any other, so that {@code --reset} never deletes a folder it did not create.
 */
public record SandboxData(Path root) {

    static final String MARKER = ".psc-sandbox";

    public Path pki() {
        return root.resolve("pki");
    }

    public Path caBundle() {
        return pki().resolve("ca").resolve("ca-bundle.pem");
    }

    Path keycloakHome() {
        return root.resolve("keycloak");
    }

    /** Keycloak's trust store for client certificates: the TLS front's certificate of this start, alone. */
    Path frontTrustStore() {
        return keycloakHome().resolve("conf").resolve("front-trust.p12");
    }

    Path h2Database() {
        return root.resolve("db").resolve("keycloakdb");
    }

    /** Creates the folder if needed and proves it is writable, before anything else is written. */
    void prepare() {
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, ".write-check", ".tmp");
            Files.delete(probe);
            Path marker = root.resolve(MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "psc-federator sandbox data folder; bin/psc-sandbox --reset deletes it\n");
            }
        } catch (IOException | SecurityException e) {
            throw new SandboxException("sandbox data folder " + root + " is not writable (" + reason(e)
                    + "); choose another with --data-dir");
        }
    }

    void reset() {
        if (!Files.exists(root)) {
            return;
        }
        if (!Files.exists(root.resolve(MARKER)) && !isEmpty()) {
            throw new SandboxException("refusing to reset " + root + ": it is not a sandbox data folder (no "
                    + MARKER + " file)");
        }
        try {
            DirectoryTree.delete(root);
        } catch (IOException e) {
            throw new SandboxException("cannot delete " + root + " for --reset: " + e.getMessage());
        }
    }

    private static String reason(Exception e) {
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e instanceof FileSystemException ? "cannot create it" : String.valueOf(e.getMessage());
    }

    private boolean isEmpty() {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
