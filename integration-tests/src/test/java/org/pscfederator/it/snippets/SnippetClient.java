package org.pscfederator.it.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.pscfederator.it.harness.AdminTool;
import org.pscfederator.it.harness.Launcher;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.TestPki;

/**
 * A relying service onboarded as docs/relying-services-onboarding.md says: an ORG AUTH_CLI certificate from the
 * sandbox test PKI ({@code bin/psc-pki client}), registered with {@code bin/psc-admin client register}.
 */
record SnippetClient(String clientId, IssuedCertificate certificate) {

    /** A new ORG AUTH_CLI certificate for this client id, not registered anywhere. */
    static SnippetClient issue(SandboxServer server, String clientId) throws Exception {
        return new SnippetClient(clientId, TestPki.open(server.dataDir().resolve("pki"))
                .issueClient(ClientRequest.of(clientId).withOrganisation("CABINET SNIPPETS", "R95141")));
    }

    /** Issues a certificate and registers the client with it, with these psc-admin options besides. */
    static SnippetClient register(SandboxServer server, String clientId, String redirectUri, String... options)
            throws Exception {
        SnippetClient client = issue(server, clientId);
        List<String> args = new ArrayList<>(List.of("register", "--client-id", clientId, "--redirect-uri", redirectUri,
                "--cert", client.certificate().certificatePem().toString()));
        args.addAll(List.of(options));
        Launcher.Result registered = AdminTool.client(server, SandboxServer.ADMIN_PASSWORD, args.toArray(String[]::new));
        assertThat(registered.exitCode()).as(registered.stderr()).isZero();
        return client;
    }

    Path keystore() {
        return certificate.keystore();
    }

    Path certificatePem() {
        return certificate.certificatePem();
    }

    /** The private key as PEM (PKCS#8), as {@code openssl pkcs12 -nocerts -nodes} writes it for Python's TLS. */
    Path keyPem() throws Exception {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore())) {
            keystore.load(in, "1234".toCharArray());
        }
        PrivateKey key = (PrivateKey) keystore.getKey(keystore.aliases().nextElement(), "1234".toCharArray());
        String name = keystore().getFileName().toString();
        Path pem = keystore().resolveSibling(name.substring(0, name.length() - ".p12".length()) + ".key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        return pem;
    }
}
