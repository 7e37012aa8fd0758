package org.pscfederator.ecps.simulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/psc-ecps-sim}: the e-CPS phone for the sandbox, on the command line. Every command speaks to the real
 * device API over HTTPS; the device's key and PIN live in {@code <data-dir>/ecps/devices/<idNat>.json}.
 */
public final class SimulatorCommand {

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
            Sandbox identities have a device from the sandbox's first start, PIN 1234.""";

    private SimulatorCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println("psc-ecps-sim: error: " + e.getMessage());
            return 2;
        }
        try {
            return execute(args[0], options, out, err);
        } catch (SimulatorException | IllegalArgumentException e) {
            err.println("psc-ecps-sim: error: " + e.getMessage());
            return 1;
        }
    }

    private static int execute(String command, Map<String, String> options, PrintStream out, PrintStream err) {
        String idNat = required(options, "idnat");
        Path dataDir = Path.of(options.getOrDefault("data-dir", "sandbox-data"));
        Path caBundle = Path.of(options.getOrDefault("cacert", dataDir.resolve("pki/ca/ca-bundle.pem").toString()));
        DeviceApiClient api = new DeviceApiClient(options.getOrDefault("server", "https://localhost:8443/auth"),
                "esante-wallet", caBundle);
        Path file = SimulatedDevice.fileFor(devicesFolder(dataDir), idNat);
        int timeout = Integer.parseInt(options.getOrDefault("timeout", "60"));
        switch (command) {
            case "activate" -> {
                SimulatedDevice device = SimulatedDevice.create(file, idNat, options.getOrDefault("pin", "1234"));
                String code = options.get("code");
                if (code == null) {
                    if (!options.containsKey("contact")) {
                        throw new IllegalArgumentException("activate needs --code CODE or --contact");
                    }
                    code = codeFromOutbox(api, idNat, options);
                }
                DeviceApiClient.Answer answer = api.register(device, code, options.getOrDefault("label",
                        "Simulateur e-CPS"));
                if (answer.status() != 201) {
                    throw new SimulatorException("activation refused: HTTP " + answer.status() + " " + answer.error());
                }
                device.save();
                out.println("activated device " + device.deviceId() + " for " + idNat + " (key in " + file + ")");
            }
            case "wait" -> {
                SimulatedDevice device = SimulatedDevice.load(file);
                Optional<DeviceApiClient.Pending> pending = waitFor(api, device, timeout);
                if (pending.isEmpty()) {
                    out.println("no request within " + timeout + " s");
                    return 3;
                }
                show(pending.get(), out);
            }
            case "approve", "deny" -> {
                SimulatedDevice device = SimulatedDevice.load(file);
                String pin = required(options, "pin");
                String code = command.equals("approve") ? required(options, "code") : null;
                Optional<DeviceApiClient.Pending> pending = waitFor(api, device, timeout);
                if (pending.isEmpty()) {
                    out.println("no request within " + timeout + " s");
                    return 3;
                }
                show(pending.get(), out);
                if (code != null && !pending.get().choices().contains(code)) {
                    throw new SimulatorException("code " + code + " is not among " + pending.get().choices());
                }
                DeviceApiClient.Answer answer = api.answer(device, pin, pending.get().requestId(), code,
                        command.equals("approve"));
                if (answer.status() != 200) {
                    throw new SimulatorException("answer refused: HTTP " + answer.status() + " " + answer.error());
                }
                out.println("answer sent: " + answer.body().path("outcome").asText());
            }
            case "serve" -> {
                SimulatorWebPage page = new SimulatorWebPage(api, SimulatedDevice.load(file), err);
                try {
                    int port = page.start(Integer.parseInt(options.getOrDefault("port", "8450")));
                    out.println("simulated phone of " + idNat + " at http://127.0.0.1:" + port + "/ (Ctrl-C stops it)");
                    Thread.currentThread().join();
                } catch (java.io.IOException e) {
                    throw new SimulatorException("cannot serve the page: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case "devices" -> {
                DeviceApiClient.Answer answer = api.devices(SimulatedDevice.load(file));
                if (answer.status() != 200) {
                    throw new SimulatorException("HTTP " + answer.status() + " " + answer.error());
                }
                answer.body().path("devices").forEach(device -> out.println(device.path("device_id").asText() + "  "
                        + device.path("label").asText() + "  created " + device.path("created_at").asText()
                        + (device.hasNonNull("revoked_at") ? "  REVOKED " + device.path("revoked_at").asText() : "")));
            }
            case "revoke" -> {
                DeviceApiClient.Answer answer = api.revoke(SimulatedDevice.load(file), required(options, "device"));
                if (answer.status() != 200) {
                    throw new SimulatorException("HTTP " + answer.status() + " " + answer.error());
                }
                out.println("revoked " + answer.body().path("device_id").asText());
            }
            default -> throw new IllegalArgumentException("unknown command '" + command + "' (see --help)");
        }
        return 0;
    }

    public static Path devicesFolder(Path dataDir) {
        return dataDir.resolve("ecps").resolve("devices");
    }

    private static String codeFromOutbox(DeviceApiClient api, String idNat, Map<String, String> options) {
        DeviceApiClient.Answer sent = api.requestContactCode(idNat);
        if (sent.status() != 202) {
            throw new SimulatorException("activation code not requested: HTTP " + sent.status() + " " + sent.error());
        }
        String password = options.getOrDefault("admin-password",
                Optional.ofNullable(System.getenv("PSC_ADMIN_PASSWORD")).orElse("admin"));
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

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> flags = List.of("contact");
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            if (flags.contains(name)) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
