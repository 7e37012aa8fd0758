package org.pscfederator.ecps.simulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.ToolRunner;
import org.pscfederator.cli.UsageText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/psc-ecps-sim}: the e-CPS phone for the sandbox, on the command line. Every command speaks to the real
 * device API over HTTPS; the device's key and PIN live in {@code <data-dir>/ecps/devices/<idNat>.json}. Exit codes:
 * 0 done, 1 refused or failed, 2 bad command line, 3 no login request came within the timeout.
 */
@Command(name = "psc-ecps-sim", subcommands = {SimulatorCommand.Activate.class, SimulatorCommand.Wait.class,
        SimulatorCommand.Approve.class, SimulatorCommand.Deny.class, SimulatorCommand.Serve.class,
        SimulatorCommand.Devices.class, SimulatorCommand.Revoke.class, CommandLine.HelpCommand.class})
public final class SimulatorCommand implements UsageText {

    static final int NO_REQUEST = 3;

    static final String USAGE = """
            usage: psc-ecps-sim COMMAND --idnat IDNAT [options]
              activate --idnat ID (--code CODE | --contact) [--pin 1234] [--label TEXT]
                                   register a new device: with the code shown by a card session (QR code) or sent
                                   to the directory's contact details (--contact reads the sandbox outbox as admin)
              wait --idnat ID [--timeout 60]
                                   wait for a login request and show its three codes
              approve --idnat ID --code NN --pin PIN [--timeout 60]
                                   approve the pending request with the code the login page shows
              deny --idnat ID --pin PIN [--timeout 60]
                                   deny the pending request
              serve --idnat ID [--port 8450]
                                   the phone as a small web page on http://127.0.0.1:PORT/, loopback only; it
                                   takes answers from that page alone (--port 0: any free port)
              devices --idnat ID   list the professional's devices
              revoke --idnat ID --device DEVICE_ID
                                   revoke one of the professional's devices
            options:
              --server URL          server base URL (default https://localhost:8443/auth)
              --data-dir DIR        sandbox data folder (default sandbox-data)
              --cacert FILE         CA bundle (default DIR/pki/ca/ca-bundle.pem)
              --admin-password PW   sandbox admin password for --contact (default: env PSC_ADMIN_PASSWORD or admin)
            Sandbox identities have a device from the sandbox's first start, PIN 1234.
            """;

    @Mixin
    HelpOption help;
    private final PrintStream out;
    private final PrintStream err;

    private SimulatorCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String usageText() {
        return USAGE;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return ToolRunner.run(new SimulatorCommand(out, err), out, err, args);
    }

    /** What every command shares: whose device, which server, and where the sandbox keeps its files. */
    abstract static class DeviceCommand implements Callable<Integer>, UsageText {
        @Mixin
        HelpOption help;
        @Option(names = "--idnat", required = true)
        String idNat;
        @Option(names = "--server")
        String server = "https://localhost:8443/auth";
        @Option(names = "--data-dir")
        Path dataDir = Path.of("sandbox-data");
        @Option(names = "--cacert")
        Path cacert;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.ParentCommand
        SimulatorCommand root;

        @Override
        public String usageText() {
            return USAGE;
        }

        DeviceApiClient api() {
            return new DeviceApiClient(server, "esante-wallet",
                    cacert != null ? cacert : dataDir.resolve("pki/ca/ca-bundle.pem"));
        }

        Path deviceFile() {
            return SimulatedDevice.fileFor(devicesFolder(dataDir), idNat);
        }

        PrintStream out() {
            return root.out;
        }
    }

    /** The commands that wait for a login request first. */
    abstract static class PendingCommand extends DeviceCommand {
        @Option(names = "--timeout")
        int timeout = 60;

        /** The request, shown; or empty, said, after the timeout. */
        Optional<DeviceApiClient.Pending> pending(DeviceApiClient api, SimulatedDevice device) {
            Optional<DeviceApiClient.Pending> pending = waitFor(api, device, timeout);
            if (pending.isEmpty()) {
                out().println("no request within " + timeout + " s");
            } else {
                show(pending.get(), out());
            }
            return pending;
        }
    }

    @Command(name = "activate")
    static final class Activate extends DeviceCommand {
        @Option(names = "--code")
        String code;
        @Option(names = "--contact")
        boolean contact;
        @Option(names = "--pin")
        String pin = "1234";
        @Option(names = "--label")
        String label = "Simulateur e-CPS";
        @Option(names = "--admin-password")
        String adminPassword;

        @Override
        public Integer call() {
            if (code == null && !contact) {
                throw new CommandLine.ParameterException(spec.commandLine(), "activate needs --code CODE or --contact");
            }
            DeviceApiClient api = api();
            SimulatedDevice device = SimulatedDevice.create(deviceFile(), idNat, pin);
            String activationCode = code != null ? code : codeFromOutbox(api, idNat, adminPassword);
            DeviceApiClient.Answer answer = api.register(device, activationCode, label);
            if (answer.status() != 201) {
                throw new SimulatorException("activation refused: HTTP " + answer.status() + " " + answer.error()
                        + ("invalid_activation_code".equals(answer.error())
                                ? " (the code is wrong, already used or expired: show a new one and activate within its time)"
                                : ""));
            }
            device.save();
            out().println("activated device " + device.deviceId() + " for " + idNat + " (key in " + deviceFile() + ")");
            return 0;
        }
    }

    @Command(name = "wait")
    static final class Wait extends PendingCommand {
        @Override
        public Integer call() {
            return pending(api(), SimulatedDevice.load(deviceFile())).isPresent() ? 0 : NO_REQUEST;
        }
    }

    @Command(name = "approve")
    static final class Approve extends PendingCommand {
        @Option(names = "--code", required = true)
        String code;
        @Option(names = "--pin", required = true)
        String pin;

        @Override
        public Integer call() {
            return answer(this, pin, code);
        }
    }

    @Command(name = "deny")
    static final class Deny extends PendingCommand {
        @Option(names = "--pin", required = true)
        String pin;

        @Override
        public Integer call() {
            return answer(this, pin, null);
        }
    }

    /** Approves with {@code code}, or denies when it is null. */
    private static int answer(PendingCommand command, String pin, String code) {
        DeviceApiClient api = command.api();
        SimulatedDevice device = SimulatedDevice.load(command.deviceFile());
        Optional<DeviceApiClient.Pending> pending = command.pending(api, device);
        if (pending.isEmpty()) {
            return NO_REQUEST;
        }
        if (code != null && !pending.get().choices().contains(code)) {
            throw new SimulatorException("code " + code + " is not among " + pending.get().choices());
        }
        DeviceApiClient.Answer answer = api.answer(device, pin, pending.get().requestId(), code, code != null);
        if (answer.status() != 200) {
            throw new SimulatorException("answer refused: HTTP " + answer.status() + " " + answer.error());
        }
        command.out().println("answer sent: " + answer.body().path("outcome").asText());
        return 0;
    }

    @Command(name = "serve")
    static final class Serve extends DeviceCommand {
        @Option(names = "--port")
        int port = 8450;

        @Override
        public Integer call() {
            SimulatorWebPage page = new SimulatorWebPage(api(), SimulatedDevice.load(deviceFile()), root.err);
            try {
                int bound = page.start(port);
                out().println("simulated phone of " + idNat + " at http://127.0.0.1:" + bound + "/ (Ctrl-C stops it)");
                Thread.currentThread().join();
            } catch (java.io.IOException e) {
                throw new SimulatorException("cannot serve the page: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    @Command(name = "devices")
    static final class Devices extends DeviceCommand {
        @Override
        public Integer call() {
            DeviceApiClient.Answer answer = api().devices(SimulatedDevice.load(deviceFile()));
            if (answer.status() != 200) {
                throw new SimulatorException("HTTP " + answer.status() + " " + answer.error());
            }
            answer.body().path("devices").forEach(device -> out().println(device.path("device_id").asText() + "  "
                    + device.path("label").asText() + "  created " + device.path("created_at").asText()
                    + (device.hasNonNull("revoked_at") ? "  REVOKED " + device.path("revoked_at").asText() : "")));
            return 0;
        }
    }

    @Command(name = "revoke")
    static final class Revoke extends DeviceCommand {
        @Option(names = "--device", required = true)
        String deviceId;

        @Override
        public Integer call() {
            DeviceApiClient.Answer answer = api().revoke(SimulatedDevice.load(deviceFile()), deviceId);
            if (answer.status() != 200) {
                throw new SimulatorException("HTTP " + answer.status() + " " + answer.error());
            }
            out().println("revoked " + answer.body().path("device_id").asText());
            return 0;
        }
    }

    public static Path devicesFolder(Path dataDir) {
        return dataDir.resolve("ecps").resolve("devices");
    }

    private static String codeFromOutbox(DeviceApiClient api, String idNat, String adminPassword) {
        DeviceApiClient.Answer sent = api.requestContactCode(idNat);
        if (sent.status() != 202) {
            throw new SimulatorException("activation code not requested: HTTP " + sent.status() + " " + sent.error());
        }
        String password = adminPassword != null ? adminPassword
                : Optional.ofNullable(System.getenv("PSC_ADMIN_PASSWORD")).orElse("admin");
        String token = api.adminToken(password);
        for (int attempt = 0; attempt < 20; attempt++) {
            DeviceApiClient.Answer message = api.outbox(idNat, token);
            if (message.status() == 200) {
                return message.body().path("code").asText();
            }
            sleep(250);
        }
        throw new SimulatorException("no activation message for " + idNat + " in the sandbox outbox "
                + "(is the identifier in the directory?)");
    }

    private static Optional<DeviceApiClient.Pending> waitFor(DeviceApiClient api, SimulatedDevice device, int timeout) {
        long deadline = System.currentTimeMillis() + timeout * 1000L;
        while (true) {
            int left = (int) Math.max(0, (deadline - System.currentTimeMillis()) / 1000);
            Optional<DeviceApiClient.Pending> pending = api.pending(device, Math.min(20, left));
            if (pending.isPresent() || left == 0) {
                return pending;
            }
        }
    }

    private static void show(DeviceApiClient.Pending pending, PrintStream out) {
        out.println("request " + pending.requestId() + " from " + pending.clientName() + ", expires "
                + Instant.ofEpochSecond(pending.expiresAt()));
        out.println("codes: " + String.join("  ", pending.choices()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
