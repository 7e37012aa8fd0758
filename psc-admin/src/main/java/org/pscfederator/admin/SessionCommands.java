package org.pscfederator.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code psc-admin session list|end --idnat ID}: a professional's login sessions, and ending them all (Keycloak then
 * refuses their refresh tokens, marks their tokens inactive at introspection, and sends the back-channel logouts).
 */
@Command(name = "session", subcommands = {SessionCommands.ListSessions.class, SessionCommands.End.class})
final class SessionCommands extends CommandGroup {

    abstract static class SessionCommand extends OperatorCommand {
        @ParentCommand
        SessionCommands group;
        @Option(names = "--idnat", required = true, converter = IdNatOption.class)
        String idNat;

        @Override
        AdminCommand root() {
            return group.root;
        }

        UserRepresentation professional(KeycloakAdmin admin, AdminOptions options) throws AdminException {
            return admin.professional(idNat).orElseThrow(() -> new AdminException("no professional " + idNat
                    + " in realm " + options.realm() + " (not in the directory)"));
        }

        ObjectNode document(AdminOptions options, List<UserSessionRepresentation> sessions, String key) {
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            document.put("realm", options.realm());
            document.put("id_nat", idNat);
            ArrayNode rows = document.putArray(key);
            for (UserSessionRepresentation session : sessions) {
                ObjectNode row = rows.addObject();
                row.put("session_id", session.getId());
                row.put("ip_address", session.getIpAddress());
                row.put("started", Instant.ofEpochMilli(session.getStart()).toString());
                row.put("last_access", Instant.ofEpochMilli(session.getLastAccess()).toString());
                ArrayNode clients = row.putArray("clients");
                clients(session).forEach(clients::add);
            }
            return document;
        }

        String table(List<UserSessionRepresentation> sessions) {
            StringBuilder text = new StringBuilder();
            if (sessions.isEmpty()) {
                return "";
            }
            String format = "%-36s  %-15s  %-24s  %-24s  %s%n";
            text.append(String.format(format, "session", "address", "started", "last access", "relying services"));
            for (UserSessionRepresentation session : sessions) {
                text.append(String.format(format, shown(session.getId()), shown(session.getIpAddress()),
                        Instant.ofEpochMilli(session.getStart()), Instant.ofEpochMilli(session.getLastAccess()),
                        shown(String.join(", ", clients(session)))));
            }
            return text.toString();
        }

        private static List<String> clients(UserSessionRepresentation session) {
            Map<String, String> clients = session.getClients();
            return clients == null ? List.of() : clients.values().stream().sorted().toList();
        }
    }

    @Command(name = "list")
    static final class ListSessions extends SessionCommand {
        @Override
        public Integer call() throws AdminException {
            AdminOptions options = AdminOptions.from(server);
            KeycloakAdmin admin = login(options);
            List<UserSessionRepresentation> sessions = admin.sessions(professional(admin, options).getId());
            print(document(options, sessions, "sessions"), idNat + " has " + sessions.size() + " session(s) in realm "
                    + options.realm() + "\n" + table(sessions));
            return 0;
        }
    }

    @Command(name = "end")
    static final class End extends SessionCommand {
        @Override
        public Integer call() throws AdminException {
            AdminOptions options = AdminOptions.from(server);
            KeycloakAdmin admin = login(options);
            String userId = professional(admin, options).getId();
            List<UserSessionRepresentation> sessions = admin.sessions(userId);
            if (!sessions.isEmpty()) {
                admin.logout(userId);
            }
            print(document(options, sessions, "ended"), sessions.isEmpty() ? idNat + " has no session in realm "
                    + options.realm() + "; nothing was changed\n"
                    : "ended " + sessions.size() + " session(s) of " + idNat + " in realm " + options.realm()
                            + ": the relying services' refresh tokens no longer work\n" + table(sessions));
            return 0;
        }
    }
}
