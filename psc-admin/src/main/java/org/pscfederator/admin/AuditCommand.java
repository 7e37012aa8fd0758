package org.pscfederator.admin;

import java.time.Instant;
import java.util.List;

import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code psc-admin audit --idnat ID}: a professional's logins and refusals, from the realm's stored events, to answer
 * "who logged in with my identity?". Reads only.
 */
@Command(name = "audit")
final class AuditCommand extends OperatorCommand {

    @ParentCommand
    AdminCommand parent;
    @Option(names = "--idnat", required = true, converter = IdNatOption.class)
    String idNat;
    @Option(names = "--since", converter = DateOption.class)
    Instant since;
    @Option(names = "--until", converter = DateOption.class)
    Instant until;

    @Override
    AdminCommand root() {
        return parent;
    }

    @Override
    public Integer call() throws AdminException {
        Instant from = since == null ? Instant.EPOCH : since;
        Instant to = DateOption.until(since, until, Instant.now());
        AdminOptions options = AdminOptions.from(server);
        KeycloakAdmin admin = login(options);
        UserRepresentation user = admin.professional(idNat).orElseThrow(() -> new AdminException(
                "no professional " + idNat + " in realm " + options.realm() + " (not in the directory)"));
        List<AuditEntry> entries = admin.events(List.of(AuditEntry.LOGIN, AuditEntry.LOGIN_ERROR), from, to).stream()
                .filter(event -> AuditEntry.concerns(event, idNat, user.getId()))
                .map(event -> AuditEntry.of(event, idNat, user.getId())).toList();

        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("realm", options.realm());
        document.put("id_nat", idNat);
        document.put("since", from.toString());
        document.put("until", to.toString());
        ArrayNode rows = document.putArray("entries");
        entries.forEach(entry -> rows.add(entry.toJson()));
        print(document, text(options.realm(), from, to, entries));
        return 0;
    }

    private String text(String realm, Instant from, Instant to, List<AuditEntry> entries) {
        StringBuilder text = new StringBuilder();
        long refused = entries.stream().filter(entry -> !entry.success()).count();
        text.append(entries.size() - refused).append(" login(s) and ").append(refused).append(" refusal(s) of ")
                .append(idNat).append(" in realm ").append(realm).append(", ")
                .append(from.equals(Instant.EPOCH) ? "all stored events" : "from " + from).append(" to ").append(to)
                .append('\n');
        if (entries.isEmpty()) {
            return text.toString();
        }
        String format = "%-24s  %-7s  %-5s  %-20s  %-15s  %-30s  %s%n";
        text.append(String.format(format, "when (UTC)", "outcome", "means", "relying service", "address",
                "device or card", "reason"));
        for (AuditEntry entry : entries) {
            String reason = entry.reason() == null ? "" : entry.reason();
            if (entry.claimed()) {
                reason += " (a certificate naming this idNat, not trusted)";
            }
            text.append(String.format(format, entry.time(), entry.success() ? "login" : "REFUSED", shown(entry.means()),
                    shown(entry.clientId()), shown(entry.ipAddress()), shown(entry.credential()),
                    reason.isEmpty() ? "" : shown(reason)));
        }
        return text.toString();
    }
}
