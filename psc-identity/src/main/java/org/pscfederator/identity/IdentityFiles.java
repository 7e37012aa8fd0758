package org.pscfederator.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pscfederator.cli.OneLine;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.ecps.simulator.SimulatorCommand;
import org.pscfederator.ecps.simulator.SimulatorException;
import org.pscfederator.testpki.CardRequest;
import org.pscfederator.testpki.IssuedCertificate;
import org.pscfederator.testpki.PkiException;
import org.pscfederator.testpki.SandboxProfile;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A test identity's card and phone, where the sandbox keeps those of its own identities: the card in
 * {@code pki/cards/<idNat>.p12} (issued by the sandbox's test PKI, whose CA keys are in {@code pki/ca/private}), the
 * simulated e-CPS device in {@code ecps/devices/<idNat>.json}, enrolled through the device API's admin endpoint.
 */
final class IdentityFiles {

    /** The PIN of every simulated device of the sandbox. */
    static final String PIN = "1234";
    static final String DEVICE_LABEL = "Simulateur e-CPS (identité de test)";

    private final Path dataDir;

    IdentityFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Refuses a folder that is not a sandbox's before anything is asked of the server. */
    void requireSandboxFolder() throws IdentityException {
        if (!Files.isDirectory(pkiDir().resolve("ca").resolve("private"))) {
            throw new IdentityException("no sandbox test PKI in " + pkiDir() + ": give the sandbox's data folder with "
                    + "--data-dir (default sandbox-data, made by bin/psc-sandbox at its first start)");
        }
    }

    IssuedCertificate issueCard(String idNat, String givenName, String familyName) throws IdentityException {
        try {
            return TestPki.open(pkiDir()).issueCard(CardRequest.of(idNat).withNames(givenName, familyName));
        } catch (PkiException e) {
            throw new IdentityException("the card was not issued: " + OneLine.of(e));
        }
    }

    Path card(String idNat) {
        return pkiDir().resolve("cards").resolve(CardRequest.of(idNat).fileName() + ".p12");
    }

    Path cardCertificate(String idNat) {
        return pkiDir().resolve("cards").resolve(CardRequest.of(idNat).fileName() + ".crt.pem");
    }

    Path device(String idNat) {
        return SimulatedDevice.fileFor(SimulatorCommand.devicesFolder(dataDir), idNat);
    }

    /** A new simulated device for the identity, enrolled by the administrator, its file written once enrolled. */
    SimulatedDevice enrolDevice(String idNat, DeviceApiClient api, String adminToken) throws IdentityException {
        try {
            SimulatedDevice device = SimulatedDevice.create(device(idNat), idNat, PIN);
            DeviceApiClient.Answer answer = api.registerAsAdmin(device, DEVICE_LABEL, adminToken);
            if (answer.status() != 201) {
                throw new IdentityException("the e-CPS device was not enrolled: the device API answered HTTP "
                        + answer.status() + " " + answer.error());
            }
            device.save();
            return device;
        } catch (SimulatorException e) {
            throw new IdentityException("the e-CPS device was not enrolled: " + OneLine.of(e));
        }
    }

    /** Revokes every active device of the identity on the server; the ids revoked. */
    List<String> revokeDevices(String idNat, DeviceApiClient api, String adminToken) throws IdentityException {
        List<String> revoked = new ArrayList<>();
        try {
            DeviceApiClient.Answer devices = api.devicesAsAdmin(idNat, adminToken);
            if (devices.status() != 200) {
                throw new IdentityException("the devices of " + idNat + " could not be listed: HTTP "
                        + devices.status() + " " + devices.error());
            }
            for (JsonNode device : devices.body().path("devices")) {
                if (device.path("revoked_at").isNull() || device.path("revoked_at").isMissingNode()) {
                    String id = device.path("device_id").asText();
                    DeviceApiClient.Answer answer = api.revokeAsAdmin(id, adminToken);
                    if (answer.status() != 200) {
                        throw new IdentityException("device " + id + " of " + idNat + " was not revoked: HTTP "
                                + answer.status() + " " + answer.error());
                    }
                    revoked.add(id);
                }
            }
        } catch (SimulatorException e) {
            throw new IdentityException("the devices of " + idNat + " were not revoked: " + OneLine.of(e));
        }
        return revoked;
    }

    /** Deletes the identity's card and device files; the ones that were there. */
    List<Path> deleteFiles(String idNat) throws IdentityException {
        List<Path> deleted = new ArrayList<>();
        for (Path file : List.of(card(idNat), cardCertificate(idNat), device(idNat))) {
            try {
                if (Files.deleteIfExists(file)) {
                    deleted.add(file);
                }
            } catch (IOException e) {
                throw new IdentityException("cannot delete " + file + ": " + OneLine.of(e));
            }
        }
        return deleted;
    }

    /** The password of every sandbox PKCS#12 file. */
    static String cardPassword() {
        return SandboxProfile.PASSWORD;
    }

    private Path pkiDir() {
        return dataDir.resolve("pki");
    }
}
