package org.pscfederator.ecps.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The simulated phone's state, in one JSON file under the sandbox data folder ({@code ecps/devices/<idNat>.json}):
 * its EC P-256 key, its device id once registered, and its PIN (hashed) with the count of wrong tries. Three wrong
 * PINs lock it, as the app does.
 */
public final class SimulatedDevice {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String idNat;
    private final ECKey key;
    private String deviceId;
    private final String pinSalt;
    private final String pinHash;
    private int failedPins;

    private SimulatedDevice(Path file, String idNat, ECKey key, String deviceId, String pinSalt, String pinHash,
            int failedPins) {
        this.file = file;
        this.idNat = idNat;
        this.key = key;
        this.deviceId = deviceId;
        this.pinSalt = pinSalt;
        this.pinHash = pinHash;
        this.failedPins = failedPins;
    }

    /** A new device with a fresh key; not registered yet. */
    public static SimulatedDevice create(Path file, String idNat, String pin) {
        if (!Pin.wellFormed(pin)) {
            throw new SimulatorException("the PIN must be 4 digits");
        }
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
            String salt = Pin.salt();
            return new SimulatedDevice(file, idNat, key, null, salt, Pin.hash(pin, salt), 0);
        } catch (JOSEException e) {
            throw new SimulatorException("cannot generate a device key: " + e.getMessage());
        }
    }

    public static Path fileFor(Path devicesFolder, String idNat) {
        return devicesFolder.resolve(idNat.replace('/', '_') + ".json");
    }

    public static SimulatedDevice load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SimulatorException("no simulated device in " + file + " (activate one first)");
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(file));
            return new SimulatedDevice(file, node.path("id_nat").asText(), ECKey.parse(node.path("key").toString()),
                    node.hasNonNull("device_id") ? node.get("device_id").asText() : null,
                    node.path("pin_salt").asText(), node.path("pin_hash").asText(), node.path("failed_pins").asInt());
        } catch (IOException | java.text.ParseException e) {
            throw new SimulatorException("unreadable device file " + file + ": " + e.getMessage());
        }
    }

    public void save() {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id_nat", idNat);
        node.put("device_id", deviceId);
        node.put("key", key.toJSONObject());
        node.put("pin_salt", pinSalt);
        node.put("pin_hash", pinHash);
        node.put("failed_pins", failedPins);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".device", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's permissions apply
            }
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node),
                    StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SimulatorException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Unlocks the key with the PIN; counts a wrong one and locks the device after three. */
    public ECKey unlock(String pin) {
        if (locked()) {
            throw new SimulatorException("device locked after " + Pin.MAX_FAILURES
                    + " wrong PINs: activate it again");
        }
        if (!Pin.matches(pin, pinSalt, pinHash)) {
            failedPins++;
            save();
            throw new SimulatorException(locked() ? "wrong PIN: device now locked"
                    : "wrong PIN (" + (Pin.MAX_FAILURES - failedPins) + " tries left)");
        }
        if (failedPins != 0) {
            failedPins = 0;
            save();
        }
        return key;
    }

    public boolean locked() {
        return failedPins >= Pin.MAX_FAILURES;
    }

    /** The public half, as the server registers it. */
    public Map<String, Object> publicJwk() {
        return key.toPublicJWK().toJSONObject();
    }

    /** The key for device proofs (listing, polling): possession of the device, without the PIN. */
    ECKey proofKey() {
        return key;
    }

    public String idNat() {
        return idNat;
    }

    public String deviceId() {
        return deviceId;
    }

    public void registered(String id) {
        this.deviceId = id;
    }

    public Path file() {
        return file;
    }
}
