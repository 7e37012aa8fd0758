package org.pscfederator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The core is what the tools share with the server: it must run without Keycloak on the class path. */
class CoreStandsAloneTest {

    @Test
    void noSourceOfTheCoreImportsKeycloak() throws IOException {
        List<Path> offending;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            offending = sources.filter(path -> path.toString().endsWith(".java")).filter(path -> {
                try {
                    return Files.readString(path).contains("org.keycloak") || Files.readString(path)
                            .contains("org.jboss");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void everyClassLivesUnderTheCoresPackage() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            assertThat(sources.filter(path -> path.toString().endsWith(".java")))
                    .allMatch(path -> path.startsWith(Path.of("src/main/java/org/pscfederator/core")));
        }
    }
}
