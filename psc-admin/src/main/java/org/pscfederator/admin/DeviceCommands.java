package org.pscfederator.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code psc-admin device list|revoke --idnat ID}: a professional's e-CPS devices, through the device API's
 * administrator endpoints under the realm (docs/ecps-device-api.md). A revoked device's next approval is refused.
 */
@Command(name = "device", subcommands = {DeviceCommands.ListDevices.class, DeviceCommands.Revoke.class})
final class DeviceCommands extends CommandGroup {

    abstract static class DeviceCommand extends OperatorCommand {
        @ParentCommand
        DeviceCommands group;
        @Option(names = "--idnat", required = true, converter = IdNatOption.class)
        String idNat;

        @Override
        AdminCommand root() {
            return group.root;
        }

        /** The professional's devices; an idNat the directory does not know is refused. */
        List<JsonNode> devices(KeycloakAdmin admin, AdminOptions options) throws AdminException {
            if (admin.professional(idNat).isEmpty()) {
                throw new AdminException("no professional " + idNat + " in realm " + options.realm()
                        + " (not in the directory)");
            }
            JsonNode answer = admin.deviceAdmin("GET", "devices", Map.of("id_nat", idNat),
                    "list the devices of " + idNat);
            List<JsonNode> devices = new ArrayList<>();
            answer.path("devices").forEach(devices::add);
            return devices;
        }

        static boolean active(JsonNode device) {
            return device.path("revoked_at").isNull() || device.path("revoked_at").isMissingNode();
        }
    }

    @Command(name = "list")
    static final class ListDevices extends DeviceCommand {
        @Override
        public Integer call() throws AdminException {
            AdminOptions options = AdminOptions.from(server);
            List<JsonNode> devices = devices(login(options), options);
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            document.put("realm", options.realm());
            document.put("id_nat", idNat);
            document.putArray("devices").addAll(devices);
            StringBuilder text = new StringBuilder();
            text.append(idNat).append(" has ").append(devices.stream().filter(DeviceCommand::active).count())
                    .append(" active e-CPS device(s) in realm ").append(options.realm()).append(", ")
                    .append(devices.size()).append(" in all\n");
            String format = "%-36s  %-20s  %-24s  %-24s  %s%n";
            if (!devices.isEmpty()) {
                text.append(String.format(format, "device", "label", "enrolled", "last used", "revoked"));
            }
            for (JsonNode device : devices) {
                text.append(String.format(format, shown(device.path("device_id").asText(null)),
                        shown(device.path("label").asText(null)), shown(device.path("created_at").asText(null)),
                        shown(device.path("last_used_at").asText(null)),
                        active(device) ? "no" : shown(device.path("revoked_at").asText(null))));
            }
            print(document, text.toString());
            return 0;
        }
    }

    @Command(name = "revoke")
    static final class Revoke extends DeviceCommand {
        @Option(names = "--device")
        String deviceId;

        @Override
        public Integer call() throws AdminException {
            AdminOptions options = AdminOptions.from(server);
            KeycloakAdmin admin = login(options);
            List<JsonNode> devices = devices(admin, options);
            List<JsonNode> chosen = devices.stream().filter(DeviceCommand::active)
                    .filter(device -> deviceId == null || deviceId.equals(device.path("device_id").asText()))
                    .toList();
            if (deviceId != null && chosen.isEmpty()) {
                boolean known = devices.stream().anyMatch(device -> deviceId.equals(device.path("device_id").asText()));
                throw new AdminException(known ? "device " + shown(deviceId) + " of " + idNat + " is already revoked"
                        : "no device " + shown(deviceId) + " of " + idNat + " in realm " + options.realm()
                                + "; nothing was changed");
            }
            ArrayNode revoked = JsonNodeFactory.instance.arrayNode();
            for (JsonNode device : chosen) {
                String id = device.path("device_id").asText();
                admin.deviceAdmin("DELETE", "devices/" + id, Map.of(), "revoke device " + id);
                revoked.add(id);
            }
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            document.put("realm", options.realm());
            document.put("id_nat", idNat);
            document.set("revoked", revoked);
            print(document, chosen.isEmpty() ? idNat + " has no active e-CPS device in realm " + options.realm()
                    + "; nothing was changed\n"
                    : "revoked " + chosen.size() + " e-CPS device(s) of " + idNat + " in realm " + options.realm()
                            + ": " + revokedList(revoked) + "; their approvals are refused from now on\n");
            return 0;
        }

        private static String revokedList(ArrayNode revoked) {
            List<String> ids = new ArrayList<>();
            revoked.forEach(id -> ids.add(id.asText()));
            return String.join(", ", ids);
        }
    }
}
