package org.pscfederator.admin;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.OneLine;
import org.pscfederator.cli.UsageText;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code psc-admin events export|verify}: the realm's stored events as hash-chained JSON lines for a SIEM
 * ({@link EventChain}), and the check that a file is still the one written.
 */
@Command(name = "events", subcommands = {EventsCommands.Export.class, EventsCommands.Verify.class})
final class EventsCommands extends CommandGroup {

    @Command(name = "export")
    static final class Export extends OperatorCommand {
        private static final ObjectMapper JSON = new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);

        @ParentCommand
        EventsCommands group;
        @Option(names = "--since", required = true, converter = DateOption.class)
        Instant since;
        @Option(names = "--until", converter = DateOption.class)
        Instant until;
        @Option(names = "--output", required = true)
        Path output;

        @Override
        AdminCommand root() {
            return group.root;
        }

        @Override
        public Integer call() throws AdminException {
            Instant to = DateOption.until(since, until, Instant.now());
            if (Files.exists(output)) {
                throw new TypeConversionException("--output: " + output + " exists; an export never overwrites a "
                        + "file, choose another name");
            }
            Path folder = output.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
                throw new TypeConversionException("--output: cannot write in " + folder);
            }
            AdminOptions options = AdminOptions.from(server);
            KeycloakAdmin admin = login(options);
            List<Line> lines = new ArrayList<>();
            for (EventRepresentation event : admin.events(List.of(), since, to)) {
                lines.add(new Line(event.getTime(), "event", event.getId(), JSON.valueToTree(event)));
            }
            for (AdminEventRepresentation event : admin.adminEvents(since, to)) {
                lines.add(new Line(event.getTime(), "admin_event", event.getId(), JSON.valueToTree(event)));
            }
            lines.sort(Comparator.comparingLong(Line::time).thenComparing(Line::kind)
                    .thenComparing(line -> String.valueOf(line.id())));

            EventChain chain = new EventChain();
            ObjectNode header = JsonNodeFactory.instance.objectNode();
            header.put("realm", options.realm());
            header.put("server", options.server().toString());
            header.put("since", since.toString());
            header.put("until", to.toString());
            header.put("exported_at", Instant.now().toString());
            long events = lines.stream().filter(line -> line.kind().equals("event")).count();
            write(chain, header, lines);
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            document.put("realm", options.realm());
            document.put("output", output.toString());
            document.put("events", events);
            document.put("admin_events", lines.size() - events);
            document.put("lines", lines.size() + 2);
            document.put("last_hash", chain.lastHash());
            print(document, "exported " + events + " event(s) and " + (lines.size() - events) + " admin event(s) of "
                    + "realm " + options.realm() + " from " + since + " to " + to + " to " + output + "\n"
                    + "last hash " + chain.lastHash() + " (keep it apart from the file: psc-admin events verify "
                    + output + " --last-hash " + chain.lastHash() + ")\n");
            return 0;
        }

        /** Written beside the target then moved into place: a failed export leaves no half file. */
        private void write(EventChain chain, ObjectNode header, List<Line> lines) throws AdminException {
            Path partial = output.resolveSibling(output.getFileName() + ".partial");
            try {
                try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    writer.write(chain.next(EventChain.EXPORT, header));
                    writer.write('\n');
                    for (Line line : lines) {
                        ObjectNode fields = JsonNodeFactory.instance.objectNode();
                        fields.set(line.kind(), line.event());
                        writer.write(chain.next(line.kind(), fields));
                        writer.write('\n');
                    }
                    writer.write(chain.end());
                    writer.write('\n');
                }
                Files.move(partial, output, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the write's own failure is the one to report
                }
                throw new AdminException("cannot write " + output + ": " + OneLine.of(e));
            }
        }

        private record Line(long time, String kind, String id, ObjectNode event) {
        }
    }

    @Command(name = "verify")
    static final class Verify implements Callable<Integer>, UsageText {
        @Mixin
        HelpOption help;
        @ParentCommand
        EventsCommands group;
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @Option(names = "--last-hash")
        String lastHash;

        @Override
        public String usageText() {
            return AdminCommand.HELP;
        }

        @Override
        public Integer call() throws AdminException {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new TypeConversionException("FILE: cannot read " + file);
            }
            if (lastHash != null && !lastHash.matches("[0-9a-f]{64}")) {
                throw new TypeConversionException("--last-hash: not a SHA-256 in lower-case hex: " + lastHash);
            }
            List<String> lines;
            try {
                lines = EventChain.nonEmpty(Files.readAllLines(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AdminException("cannot read " + file + ": " + OneLine.of(e));
            }
            EventChain.Verdict verdict = EventChain.verify(lines);
            if (!verdict.intact()) {
                throw new AdminException(file + (verdict.badLine() == null ? "" : ": line " + verdict.badLine()) + " "
                        + verdict.problem());
            }
            if (lastHash != null && !lastHash.equals(verdict.lastHash())) {
                throw new AdminException(file + ": the chain is whole but its last hash " + verdict.lastHash()
                        + " is not the one given: the file is not the export that hash vouches for");
            }
            group.root.out.println(file + ": " + verdict.lines() + " lines, the chain is whole; last hash "
                    + verdict.lastHash());
            return 0;
        }
    }
}
