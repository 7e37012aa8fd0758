package org.pscfederator.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.pscfederator.realmconfig.RealmAssembler;
import org.pscfederator.realmconfig.RealmVariant;
import org.pscfederator.realmconfig.TrustMaterial;

/**
 * Puts the sandbox realm where {@code --import-realm} reads it. Keycloak imports a realm only when it does not
 * exist yet, so a second start keeps every change made on the running server.
 */
final class RealmImport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmImport() {
    }

    static Path write(Path keycloakHome, TrustMaterial trust, String sandboxRpBindings) {
        Path file = keycloakHome.resolve("data").resolve("import").resolve(RealmAssembler.REALM_NAME + ".json");
        try {
            Files.createDirectories(file.getParent());
            ObjectNode realm = new RealmAssembler().assemble(RealmVariant.SANDBOX, trust);
            SandboxClients.bind(realm, sandboxRpBindings);
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm),
                    StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new SandboxException("cannot write the realm import file " + file + ": " + e.getMessage());
        }
    }
}
