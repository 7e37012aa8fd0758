package org.pscfederator.directory;

import java.nio.file.Path;

/** Where the sandbox data files live in the repository (realm-config/directory). */
final class SandboxFiles {

    private SandboxFiles() {
    }

    static Path directory() {
        // Surefire runs in the module folder and sets basedir to it.
        return Path.of(System.getProperty("basedir", ".")).resolve("../realm-config/directory").normalize();
    }

    static Path nationalFile() {
        return directory().resolve("PS_LibreAcces_Personne_activite_sandbox.txt");
    }

    static Path staffFile() {
        return directory().resolve("staff_sandbox.txt");
    }
}
