package org.pscfederator.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Keycloak server of the sandbox: the distribution that Maven resolved, unpacked into the data folder, with
 * the project's providers and themes installed in its {@code providers/} folder.
 */
final class KeycloakDistribution {

    private static final String PROVIDER_PREFIX = "psc-";
    private static final String UNPACKED_MARKER = ".psc-unpacked-from";

    /** Where the build put the distribution zip and the provider jars: {@code psc-sandbox/target/server}. */
    private final Path serverParts;

    KeycloakDistribution(Path serverParts) {
        this.serverParts = serverParts;
    }

    static KeycloakDistribution besideLauncher() {
        String override = System.getProperty("psc.sandbox.server-parts");
        if (override != null) {
            return new KeycloakDistribution(Path.of(override));
        }
        try {
            Path jar = Path.of(KeycloakDistribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new KeycloakDistribution(jar.getParent().resolve("server"));
        } catch (URISyntaxException e) {
            throw new SandboxException("cannot locate the launcher's jar: " + e.getMessage());
        }
    }

    /** Unpacks the distribution into {@code home} unless that exact distribution is already there. */
    Path layOut(Path home) {
        Path zip = serverParts.resolve("keycloak-quarkus-dist.zip");
        if (!Files.isRegularFile(zip)) {
            throw new SandboxException("Keycloak distribution not found at " + zip + "; build with ./mvnw install");
        }
        try {
            String origin = zip.toAbsolutePath() + " " + Files.size(zip) + " " + Files.getLastModifiedTime(zip);
            Path marker = home.resolve(UNPACKED_MARKER);
            if (Files.exists(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(origin)) {
                return home;
            }
            DirectoryTree.delete(home);
            unzip(zip, home);
            Files.writeString(marker, origin, StandardCharsets.UTF_8);
            return home;
        } catch (IOException e) {
            throw new SandboxException("cannot unpack Keycloak into " + home + ": " + e.getMessage());
        }
    }

    /** Replaces the project's jars in the server, so a rebuilt provider is what runs. */
    void installProviders(Path home) {
        Path source = serverParts.resolve("providers");
        Path target = home.resolve("providers");
        try {
            Files.createDirectories(target);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(target, PROVIDER_PREFIX + "*.jar")) {
                for (Path jar : old) {
                    Files.delete(jar);
                }
            }
            int installed = 0;
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(source, "*.jar")) {
                for (Path jar : jars) {
                    Files.copy(jar, target.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    installed++;
                }
            }
            if (installed == 0) {
                throw new SandboxException("no provider jar in " + source + "; build with ./mvnw install");
            }
        } catch (IOException e) {
            throw new SandboxException("cannot install the providers into " + target + ": " + e.getMessage());
        }
    }

    /**
     * Gives {@code home} the server image Keycloak built in {@code builtHome} at its first start (lib/quarkus), and
     * the same provider files with their times, so that a node started with the same build options does not build
     * it again: Keycloak rebuilds when an option or a provider file's time differs from its image's.
     */
    void copyBuild(Path builtHome, Path home) {
        try {
            for (String folder : new String[] {"lib/quarkus", "providers"}) {
                Path from = builtHome.resolve(folder);
                Path to = home.resolve(folder);
                Files.createDirectories(to);
                try (DirectoryStream<Path> files = Files.newDirectoryStream(from)) {
                    for (Path file : files) {
                        if (Files.isRegularFile(file)) {
                            Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                                    StandardCopyOption.COPY_ATTRIBUTES);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new SandboxException("cannot copy the server image of " + builtHome + " to " + home + ": "
                    + e.getMessage());
        }
    }

    private static void unzip(Path zip, Path home) throws IOException {
        Path root = home.toAbsolutePath().normalize();
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                // The zip holds one top folder, keycloak-<version>/; the server goes straight into home.
                String relative = slash < 0 ? "" : name.substring(slash + 1);
                if (relative.isEmpty()) {
                    continue;
                }
                Path destination = root.resolve(relative).normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("entry " + name + " points outside the server folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                    if (relative.startsWith("bin/") && relative.endsWith(".sh")) {
                        destination.toFile().setExecutable(true);
                    }
                }
            }
        }
    }
}
