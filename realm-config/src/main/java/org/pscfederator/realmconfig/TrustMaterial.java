package org.pscfederator.realmconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a realm trusts, per use: persons' cards for login, organisations for relying services. For each, the CA
 * certificates (a PEM bundle: roots and the CAs that issue), the certificate policy required of the presented
 * certificate, and where the CRLs are read (files or http(s) URLs, comma-separated). It is what differs between the
 * sandbox (test PKI) and production (IGC-Santé).
 */
public record TrustMaterial(String cardTrustAnchors, String clientTrustAnchors, String cardPolicyOid,
        String clientPolicyOid, String cardCrls, String clientCrls) {

    private static final String PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----";
    private static final Pattern OID = Pattern.compile("[0-2](\\.[0-9]+)+");

    public TrustMaterial {
        requirePem("card", cardTrustAnchors);
        requirePem("client", clientTrustAnchors);
        requireOid("card", cardPolicyOid);
        requireOid("client", clientPolicyOid);
        requireLocations("card", cardCrls);
        requireLocations("client", clientCrls);
    }

    public static TrustMaterial fromFiles(Path cardBundle, Path clientBundle, String cardPolicyOid,
            String clientPolicyOid, String cardCrls, String clientCrls) {
        return new TrustMaterial(read(cardBundle), read(clientBundle), cardPolicyOid, clientPolicyOid, cardCrls,
                clientCrls);
    }

    Map<String, String> placeholders() {
        return Map.of("cardTrustAnchors", cardTrustAnchors, "clientTrustAnchors", clientTrustAnchors,
                "cardPolicyOid", cardPolicyOid, "clientPolicyOid", clientPolicyOid, "cardCrls", cardCrls,
                "clientCrls", clientCrls);
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

    private static void requireOid(String use, String oid) {
        if (oid == null || !OID.matcher(oid).matches()) {
            throw new RealmConfigException("the " + use + " certificate policy is not an OID: " + oid);
        }
    }

    private static void requireLocations(String use, String locations) {
        if (locations == null || locations.isBlank()) {
            throw new RealmConfigException("the " + use + " CRL locations are missing: a realm that cannot check"
                    + " revocation refuses every certificate");
        }
        for (String location : locations.split(",")) {
            String trimmed = location.strip();
            if (trimmed.isEmpty() || trimmed.contains("\"") || trimmed.contains("{{")) {
                throw new RealmConfigException("the " + use + " CRL locations hold an empty or invalid entry: "
                        + locations);
            }
        }
    }
}
