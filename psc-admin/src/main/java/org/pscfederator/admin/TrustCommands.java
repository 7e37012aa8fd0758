package org.pscfederator.admin;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import org.pscfederator.core.certificates.ConfiguredCrls;
import org.pscfederator.core.certificates.CrlStatus;
import org.pscfederator.core.certificates.TrustPolicy;
import org.pscfederator.core.settings.TrustSettings;
import org.pscfederator.core.settings.TrustUse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code psc-admin trust show}: each CA of the realm's card and relying-service trust, and where its CRL stands by the
 * server's own rule ({@link CrlStatus}: refusals start at next update + grace), the CRLs read from the realm's
 * locations as the server reads them ({@link ConfiguredCrls}). Reads only.
 */
@Command(name = "trust", subcommands = {TrustCommands.Show.class})
final class TrustCommands extends CommandGroup {

    /** How long before its refusal point a CRL is shown as a warning: a day to publish a new one. */
    static final Duration WARNING = Duration.ofHours(24);

    @Command(name = "show")
    static final class Show extends OperatorCommand {
        @ParentCommand
        TrustCommands group;

        @Override
        AdminCommand root() {
            return group.root;
        }

        @Override
        public Integer call() throws AdminException {
            AdminOptions options = AdminOptions.from(server);
            JsonNode attributes = login(options).realmAttributes();
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            document.put("realm", options.realm());
            ArrayNode uses = document.putArray("trust");
            StringBuilder text = new StringBuilder();
            for (TrustUse use : TrustUse.values()) {
                uses.add(use(attributes, use, text));
            }
            print(document, text.toString());
            return 0;
        }

        private ObjectNode use(JsonNode attributes, TrustUse use, StringBuilder text) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            String name = use == TrustUse.CARD ? "cards" : "relying services";
            node.put("use", use.name().toLowerCase(Locale.ROOT));
            node.put("anchors_attribute", use.anchors().attribute());
            node.put("crls_attribute", use.crls().attribute());
            TrustSettings settings;
            TrustPolicy policy;
            try {
                settings = RealmValues.settings(attributes).trust(use);
                policy = TrustPolicy.fromPem(settings.anchorsPem(), settings.policyOid());
            } catch (IllegalStateException | IllegalArgumentException e) { // RealmSettingException included
                node.put("error", e.getMessage());
                text.append("trust for ").append(name).append(": UNUSABLE, every one is refused: ")
                        .append(shown(e.getMessage())).append('\n');
                return node;
            }
            node.put("grace_hours", settings.crlGrace().toHours());
            node.putArray("crl_locations").addAll(settings.crlLocations().stream()
                    .map(JsonNodeFactory.instance::textNode).toList());
            text.append("trust for ").append(name).append(" (").append(use.anchors().attribute()).append(", CRLs ")
                    .append(use.crls().attribute()).append(", grace ").append(settings.crlGrace().toHours())
                    .append(" h):\n");
            ConfiguredCrls crls = new ConfiguredCrls(settings.crlLocations(), settings.crlGrace(), Clock.systemUTC());
            ArrayNode cas = node.putArray("cas");
            List<X509Certificate> all = new ArrayList<>(policy.roots());
            all.addAll(policy.issuingCas());
            for (X509Certificate ca : all) {
                CrlStatus status = crls.status(ca, WARNING);
                cas.add(ca(ca, policy.roots().contains(ca), status));
                text.append("  ").append(ca.getSubjectX500Principal().getName(X500Principal.RFC2253)).append(" (")
                        .append(policy.roots().contains(ca) ? "root" : "issuing CA").append(", valid to ")
                        .append(ca.getNotAfter().toInstant()).append(")\n");
                text.append("     CRL ").append(status.state()).append(": ").append(crlLine(status)).append('\n');
            }
            Map<String, String> unreadable = crls.unreadableLocations();
            ObjectNode failed = node.putObject("unreadable_locations");
            unreadable.forEach((location, why) -> {
                failed.put(location, why);
                text.append("  cannot read ").append(shown(location)).append(" from here: ").append(shown(why))
                        .append('\n');
            });
            return node;
        }

        private static ObjectNode ca(X509Certificate ca, boolean root, CrlStatus status) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("subject", ca.getSubjectX500Principal().getName(X500Principal.RFC2253));
            node.put("role", root ? "root" : "issuing");
            node.put("not_after", ca.getNotAfter().toInstant().toString());
            ObjectNode crl = node.putObject("crl");
            crl.put("state", status.state().name());
            crl.put("this_update", text(status.thisUpdate()));
            crl.put("next_update", text(status.nextUpdate()));
            crl.put("refusal_point", text(status.refusalPoint()));
            crl.put("seconds_until_refusal", status.secondsUntilRefusal());
            crl.put("refuses", status.refuses());
            crl.put("reason", status.reason());
            return node;
        }

        private static String crlLine(CrlStatus status) {
            if (status.thisUpdate().isEmpty()) {
                return "no CRL of this CA could be read at the realm's locations: its certificates are refused";
            }
            StringBuilder line = new StringBuilder("this update ").append(status.thisUpdate().get())
                    .append(", next update ").append(text(status.nextUpdate()));
            status.refusalPoint().ifPresent(point -> {
                long seconds = status.secondsUntilRefusal();
                line.append(", refusals from ").append(point).append(seconds > 0 ? " (in " + human(seconds) + ")"
                        : " (started " + human(-seconds) + " ago)");
            });
            return line.toString();
        }

        private static String human(long seconds) {
            Duration duration = Duration.ofSeconds(seconds);
            return duration.toDays() > 1 ? duration.toDays() + " days" : duration.toHours() + " h "
                    + duration.toMinutesPart() + " min";
        }

        private static String text(Optional<Instant> instant) {
            return instant.map(Instant::toString).orElse(null);
        }
    }
}
