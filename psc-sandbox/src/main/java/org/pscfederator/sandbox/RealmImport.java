package org.pscfederator.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.pscfederator.realmconfig.RealmAssembler;
import org.pscfederator.realmconfig.RealmVariant;
import org.pscfederator.realmconfig.ServerUrls;
import org.pscfederator.realmconfig.TrustMaterial;

/**
 * Puts the sandbox realm, and its companion realms (the demonstration hospital), where {@code --import-realm} reads
 * them. Keycloak imports a realm only when it does not exist yet, so a second start keeps every change made on the
 * running server.
 */
final class RealmImport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmImport() {
    }

    /** {@code options}: where the server is reached, which the hospital's realm and identity provider name. */
    static Path write(Path keycloakHome, TrustMaterial trust, String sandboxRpBindings, SandboxOptions options) {
        ServerUrls urls = new ServerUrls(options.baseUrl(), options.localUrl());
        RealmAssembler assembler = new RealmAssembler();
        ObjectNode realm = assembler.assemble(RealmVariant.SANDBOX, trust, urls);
        SandboxClients.bind(realm, sandboxRpBindings);
        Path file = write(keycloakHome, RealmAssembler.REALM_NAME, realm);
        assembler.companions(RealmVariant.SANDBOX, urls).forEach((name, companion) ->
                write(keycloakHome, name, companion));
        return file;
    }

    private static Path write(Path keycloakHome, String name, ObjectNode realm) {
        Path file = keycloakHome.resolve("data").resolve("import").resolve(name + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm),
                    StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new SandboxException("cannot write the realm import file " + file + ": " + e.getMessage());
        }
    }
}
