package org.pscfederator.realmconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The CA certificates a realm trusts, per use: persons' cards for login, organisations for relying services.
 * Each is a PEM bundle; it is what differs between the sandbox (test PKI) and production (IGC-Santé).
 */
public record TrustMaterial(String cardTrustAnchors, String clientTrustAnchors) {

    private static final String PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----";

    public TrustMaterial {
        requirePem("card", cardTrustAnchors);
        requirePem("client", clientTrustAnchors);
    }

    public static TrustMaterial fromFiles(Path cardBundle, Path clientBundle) {
        return new TrustMaterial(read(cardBundle), read(clientBundle));
    }

    Map<String, String> placeholders() {
        return Map.of("cardTrustAnchors", cardTrustAnchors, "clientTrustAnchors", clientTrustAnchors);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RealmConfigException("cannot read trust anchors " + file + ": " + e.getMessage());
        }
    }

    private static void requirePem(String use, String pem) {
        if (pem == null || !pem.contains(PEM_CERTIFICATE)) {
            throw new RealmConfigException("the " + use + " trust anchors are not a PEM certificate bundle");
        }
    }
}
