package org.pscfederator.it.snippets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;

/** The Spring Security snippet's application, started from its jar with the settings docs/snippets-spring-security.md shows. */
final class SpringSnippet {

    private SpringSnippet() {
    }

    static SnippetProcess start(SandboxServer server, int port, String clientId, Path keystore)
            throws IOException, InterruptedException {
        Path jar = Launcher.repoRoot().resolve("snippets/spring-security/target/spring-security-snippet-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the Spring Security snippet is not built: " + jar);
        }
        String bundle = "--spring.ssl.bundle.jks.psc.";
        SnippetProcess app = SnippetProcess.start("spring-snippet", List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--server.port=" + port, "--psc.issuer=" + server.realmUrl(), "--psc.client-id=" + clientId,
                bundle + "keystore.location=file:" + keystore,
                bundle + "truststore.location=file:" + server.dataDir().resolve("pki/ca/truststore.p12")),
                Launcher.workDir(), "http://localhost:" + port);
        app.awaitLine(line -> line.contains("Started PscSnippetApplication"), 120);
        return app;
    }
}
