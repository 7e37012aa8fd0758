package org.pscfederator.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.ecps.simulator.SimulatorCommand;
import org.pscfederator.ecps.simulator.SimulatorException;

/**
 * At first start, a simulated e-CPS device (PIN {@value #PIN}) for every sandbox identity, enrolled through the
 * device API's admin endpoint, its key in {@code ecps/devices/<idNat>.json}: the e-CPS login works at once with
 * {@code bin/psc-ecps-sim}.
 */
final class SandboxDevices {

    static final String PIN = "1234";
    private static final String MARKER = ".ecps-devices-enrolled";

    private final SandboxOptions options;
    private final SandboxData data;
    private final PrintStream out;

    SandboxDevices(SandboxOptions options, SandboxData data, PrintStream out) {
        this.options = options;
        this.data = data;
        this.out = out;
    }

    void enrolOnFirstStart() {
        Path marker = data.root().resolve(MARKER);
        if (Files.exists(marker)) {
            return;
        }
        try {
            DeviceApiClient api = new DeviceApiClient(options.localUrl(), "esante-wallet", data.caBundle());
            String token = api.adminToken(options.adminPassword());
            Path folder = SimulatorCommand.devicesFolder(data.root());
            int enrolled = 0;
            for (String idNat : SandboxCards.holders().keySet()) {
                Path file = SimulatedDevice.fileFor(folder, idNat);
                if (Files.exists(file)) {
                    continue;
                }
                SimulatedDevice device = SimulatedDevice.create(file, idNat, PIN);
                DeviceApiClient.Answer answer = api.registerAsAdmin(device, "Simulateur e-CPS (bac à sable)", token);
                if (answer.status() != 201) {
                    throw new IOException("enrolment of " + idNat + " answered HTTP " + answer.status() + " "
                            + answer.error());
                }
                device.save();
                enrolled++;
            }
            Files.writeString(marker, "sandbox e-CPS devices enrolled\n");
            out.println("psc-sandbox: enrolled " + enrolled + " simulated e-CPS devices (PIN " + PIN + ") in "
                    + folder);
        } catch (IOException | SimulatorException e) {
            out.println("psc-sandbox: the simulated e-CPS devices were not enrolled (" + e.getMessage()
                    + "); activate one with bin/psc-ecps-sim activate (docs/ecps.md)");
        }
    }
}
